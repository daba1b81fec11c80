import { ApiProperty } from '@nestjs/swagger';
import { DCRS_RUN_STATUSES, type DcrsRunStatus } from '../dcrs-run.entity.js';

export class DcrsRunResponse {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ example: '2026-02-01', description: 'The run date in the DCRS time zone' }) date!: string;
  @ApiProperty({ format: 'date-time' }) execution_time!: string;
  @ApiProperty({ example: 100, description: 'Model x case calls made' }) total_tests!: number;
  @ApiProperty({ example: 9.09 }) avg_score!: number;
  @ApiProperty({ example: 'Gemini' }) best_model!: string;
  @ApiProperty({ example: true, description: 'Whether the routing primary changed' }) changes_applied!: boolean;
  @ApiProperty({ enum: DCRS_RUN_STATUSES }) status!: DcrsRunStatus;
}

export class DcrsModelResultResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ example: 9.5 }) score!: number;
  @ApiProperty({ nullable: true, type: Number }) p50_latency_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95_latency_ms!: number | null;
  @ApiProperty({ example: 9 }) passed!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { timeout: 1 } })
  error_kinds!: Record<string, number>;
  @ApiProperty({ enum: ['live', 'simulated', 'off'] }) probe_mode!: string;
}

export class DcrsRunDetailResponse extends DcrsRunResponse {
  @ApiProperty({ enum: ['schedule', 'manual'] }) trigger!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finished_at!: string | null;
  @ApiProperty({ nullable: true, type: Number }) duration_ms!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed run failed' }) error!: string | null;
  @ApiProperty({ description: 'Demo history, not a real run' }) is_demo!: boolean;
  @ApiProperty({ type: [DcrsModelResultResponse] }) results!: DcrsModelResultResponse[];
}

export class DcrsRunStartedResponse {
  @ApiProperty({ example: 13 }) run_id!: number;
  @ApiProperty({ example: 'running' }) status!: 'running';
}

export class DcrsHistoryResponse {
  @ApiProperty({ example: 7 }) days!: number;
  @ApiProperty({ type: [DcrsRunResponse], description: 'Newest first' }) history!: DcrsRunResponse[];
}
