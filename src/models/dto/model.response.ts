import { ApiProperty } from '@nestjs/swagger';
import { MODEL_STATUSES, type ModelStatus } from '../model.entity.js';

export class ModelResponse {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'Gemini' }) name!: string;
  @ApiProperty({ example: 'google' }) api_type!: string;
  @ApiProperty({ example: 9.9, description: 'Latest evaluation score, 0..10' }) last_score!: number;
  @ApiProperty({ example: 2300, description: 'Typical response time in milliseconds' }) response_time!: number;
  @ApiProperty({ example: 100, description: 'Share of successful probes, percent' }) uptime_percent!: number;
  @ApiProperty({ enum: MODEL_STATUSES }) status!: ModelStatus;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ModelListResponse {
  @ApiProperty({ type: [ModelResponse] }) models!: ModelResponse[];
  @ApiProperty({ example: 9.09, nullable: true, type: Number, description: 'Mean of last_score, 2 decimals' })
  average_score!: number | null;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
}

export class CallSummaryResponse {
  @ApiProperty({ example: 1440, description: 'Measured calls in the window' }) count!: number;
  @ApiProperty({ example: 9.4, nullable: true, type: Number }) mean_score!: number | null;
  @ApiProperty({ example: 2150, nullable: true, type: Number, description: 'Milliseconds' })
  mean_response_time!: number | null;
  @ApiProperty({ example: 3100, nullable: true, type: Number, description: 'Milliseconds, nearest rank' })
  p95_response_time!: number | null;
}

export class ModelDetailResponse extends ModelResponse {
  @ApiProperty({ type: CallSummaryResponse, description: 'Calls measured over the last 24 hours' })
  summary_24h!: CallSummaryResponse;
}
