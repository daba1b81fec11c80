import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KINDS, type MetricKind } from '../metric.entity.js';
import {
  ResponseTimePercentiles,
  TokensPerSecondPercentiles,
  TtftPercentiles,
} from '../../models/dto/model-speed.response.js';

export class MetricResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 9.9, description: 'Score of the call, 0..10' }) score!: number;
  @ApiProperty({ example: 2300, description: 'Milliseconds' }) response_time!: number;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ enum: METRIC_KINDS, description: 'What produced the row' }) kind!: MetricKind;
  @ApiProperty({ nullable: true, type: Number, example: 240, description: 'Time to first token, ms' })
  ttft_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 72.5 }) tokens_per_second!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 12, description: 'Input tokens; null: not reported' })
  input_tokens!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 4, description: 'Output tokens; null: not reported' })
  output_tokens!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.0000042,
    description:
      "Cost of the call at the model's price in force when it was stored (that price's currency); null: no price or no token counts",
  })
  cost!: number | null;
}

export class MetricListResponse {
  @ApiProperty({ enum: ['raw'], description: 'One row per measured call' }) resolution!: 'raw';
  @ApiProperty({ type: [MetricResponse], description: 'Newest first' }) metrics!: MetricResponse[];
}

export class MetricPointResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC hour or day' }) bucket_start!: string;
  @ApiProperty({ example: 60, description: 'Calls (maintenance windows left out)' }) calls!: number;
  @ApiProperty({ example: 59 }) successes!: number;
  @ApiProperty({ example: 0, description: 'Calls made inside maintenance windows' }) maintenance_calls!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 98.33,
    description: 'Successful share of probes, percent (rate-limited probes left out)',
  })
  uptime!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { timeout: 1 },
    description: 'Failed calls by error kind',
  })
  errors_by_kind!: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number, example: 9.6 }) mean_score!: number | null;
  @ApiProperty({ type: ResponseTimePercentiles, description: 'Successful calls, ms (within 2 %)' })
  response_time_ms!: ResponseTimePercentiles;
  @ApiProperty({ type: TtftPercentiles, description: 'Successful calls, ms (within 2 %)' }) ttft_ms!: TtftPercentiles;
  @ApiProperty({ type: TokensPerSecondPercentiles }) tokens_per_second!: TokensPerSecondPercentiles;
  @ApiProperty({ example: 10800 }) output_tokens!: number;
  @ApiProperty({ example: 42000 }) input_tokens!: number;
  @ApiProperty({ example: 0.0312, description: 'USD, where the calls carry a cost' }) cost!: number;
}

export class MetricSeriesResponse {
  @ApiProperty({ enum: ['hour', 'day'], description: 'One point per model and UTC bucket' })
  resolution!: 'hour' | 'day';
  @ApiProperty({ type: [MetricPointResponse], description: 'Newest bucket first' }) points!: MetricPointResponse[];
}
