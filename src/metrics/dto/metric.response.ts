import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KINDS, type MetricKind } from '../metric.entity.js';

export class MetricResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 9.9, description: 'Score of the call, 0..10' }) score!: number;
  @ApiProperty({ example: 2300, description: 'Milliseconds' }) response_time!: number;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ enum: METRIC_KINDS, description: 'What produced the row' }) kind!: MetricKind;
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
  @ApiProperty({ type: [MetricResponse], description: 'Newest first' }) metrics!: MetricResponse[];
}
