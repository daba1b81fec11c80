import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KINDS, type MetricKind } from '../metric.entity.js';

export class MetricResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ example: 1 }) model_id!: number;
  @ApiProperty({ example: 9.9, description: 'Score of the call, 0..10' }) score!: number;
  @ApiProperty({ example: 2300, description: 'Milliseconds' }) response_time!: number;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ enum: METRIC_KINDS, description: 'What produced the row' }) kind!: MetricKind;
}

export class MetricListResponse {
  @ApiProperty({ type: [MetricResponse], description: 'Newest first' }) metrics!: MetricResponse[];
}
