import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANUAL_TEST_STATUSES, type ManualTestStatus } from '../manual-test-run.entity.js';

export class ManualTestAcceptedResponse {
  @ApiProperty({ enum: ['testing', 'queued'] }) status!: 'testing' | 'queued';
  @ApiProperty({ type: [String], example: ['Gemini', 'Groq'] }) models!: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null while queued' }) start_time!:
    string | null;
  @ApiProperty({ format: 'uuid' }) run_id!: string;
  @ApiPropertyOptional({ example: 1, description: 'Place in the queue (1 = next) when queued' })
  queue_position?: number;
}

export class ManualTestModelResultResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ nullable: true, type: Number, example: 9.5 }) score!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 2300, description: 'Median latency of the cases, ms' })
  response_time!: number | null;
  @ApiProperty({ example: 9 }) passed!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ nullable: true, type: String, example: 'timeout x1' }) error!: string | null;
}

export class ManualTestRunResponse {
  @ApiProperty({ format: 'uuid' }) run_id!: string;
  @ApiProperty({ enum: MANUAL_TEST_STATUSES }) status!: ManualTestStatus;
  @ApiProperty({ type: [String] }) models!: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) start_time!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) end_time!: string | null;
  @ApiProperty({ type: [ManualTestModelResultResponse] }) results!: ManualTestModelResultResponse[];
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class ManualTestRunListResponse {
  @ApiProperty({ type: [ManualTestRunResponse], description: 'Newest first' }) runs!: ManualTestRunResponse[];
}
