import { ApiProperty } from '@nestjs/swagger';

export class PriceResponse {
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 0.15 }) input_per_million!: number;
  @ApiProperty({ example: 0.6 }) output_per_million!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ enum: ['admin', 'file'], description: 'admin: set with PUT .../price; file: a PRICES_PATH default' })
  source!: 'admin' | 'file';
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null for a file default' })
  effective_from!: string | null;
}

export class CostFiguresResponse {
  @ApiProperty({ example: 1440 }) calls!: number;
  @ApiProperty({ example: 1432 }) successes!: number;
  @ApiProperty({ example: 0.0061, description: 'Sum of the stored costs of the calls' }) cost!: number;
  @ApiProperty({ example: 17280 }) input_tokens!: number;
  @ApiProperty({ example: 5760 }) output_tokens!: number;
  @ApiProperty({ example: 0.0012, description: 'Cost of probes (live and simulated)' }) probe_cost!: number;
  @ApiProperty({ example: 0.0049, description: 'Cost of evaluation cases (DCRS and manual runs)' })
  evaluation_cost!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.0000043, description: 'cost / successes' })
  cost_per_successful_call!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 9.2, description: 'Mean evaluation case score, 0..10' })
  mean_score!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.00000047,
    description: 'cost_per_successful_call / mean_score',
  })
  cost_per_quality_point!: number | null;
}

export class CostWindowsResponse {
  @ApiProperty({ type: CostFiguresResponse }) last_24h!: CostFiguresResponse;
  @ApiProperty({ type: CostFiguresResponse }) last_7d!: CostFiguresResponse;
  @ApiProperty({ type: CostFiguresResponse }) last_30d!: CostFiguresResponse;
}

export class ModelCostsResponse {
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ type: PriceResponse, nullable: true, description: 'The price in force now; null: none known' })
  price!: PriceResponse | null;
  @ApiProperty({ type: CostWindowsResponse }) windows!: CostWindowsResponse;
}

export class KindCostResponse {
  @ApiProperty({ example: 'probe', description: 'probe, evaluation, manual, simulated or demo' }) kind!: string;
  @ApiProperty({ example: 1440 }) calls!: number;
  @ApiProperty({ example: 0.0012 }) cost!: number;
  @ApiProperty({ example: 17280 }) input_tokens!: number;
  @ApiProperty({ example: 5760 }) output_tokens!: number;
}

export class ModelCostTotalResponse extends CostFiguresResponse {
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ nullable: true, type: String, example: 'USD', description: "Currency of the model's price now" })
  currency!: string | null;
  @ApiProperty({ type: [KindCostResponse] }) by_kind!: KindCostResponse[];
}

export class CostsResponse {
  @ApiProperty({ example: 30 }) days!: number;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ example: 0.42, description: 'All models, as stored (currencies are not converted)' })
  total_cost!: number;
  @ApiProperty({ type: [ModelCostTotalResponse], description: 'Models with calls in the window, by id' })
  by_model!: ModelCostTotalResponse[];
  @ApiProperty({ type: [KindCostResponse], description: 'All models, per kind of call' })
  by_kind!: KindCostResponse[];
}
