import { ApiProperty } from '@nestjs/swagger';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../cartridge-execution.entity.js';
import { CARTRIDGE_STATUSES, type CartridgeStatus } from '../cartridge-status.js';

export class CartridgeScheduleResponse {
  @ApiProperty({ example: '0 * * * *' }) cron!: string;
  @ApiProperty({ example: 'UTC' }) timezone!: string;
}

export class CartridgeResponse {
  @ApiProperty({ example: 'Bio-Cartridge' }) name!: string;
  @ApiProperty({ enum: CARTRIDGE_STATUSES }) status!: CartridgeStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Start of the newest execution' })
  last_execution!: string | null;
  @ApiProperty({
    example: 98.5,
    nullable: true,
    type: Number,
    description: 'Successful share of the finished executions of the last 30 days, percent, 1 decimal',
  })
  success_rate!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Biology and medical literature pipeline' }) description!:
    string | null;
  @ApiProperty({ nullable: true, type: CartridgeScheduleResponse }) schedule!: CartridgeScheduleResponse | null;
  @ApiProperty({ nullable: true, type: [String], description: 'null: the routing primary and its fallbacks' })
  depends_on!: string[] | null;
  @ApiProperty({ description: 'Whether the built-in runner has checks to run' }) has_check_set!: boolean;
}

export class CartridgeListResponse {
  @ApiProperty({ type: [CartridgeResponse] }) cartridges!: CartridgeResponse[];
}

export class CartridgeDetailResponse extends CartridgeResponse {
  @ApiProperty({
    nullable: true,
    type: 'array',
    items: { type: 'object' },
    description: 'The cases, defaults filled in',
  })
  check_set!: unknown[] | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updated_at!: string | null;
}

export class CartridgeExecutionResponse {
  @ApiProperty({ example: 41 }) id!: number;
  @ApiProperty({ enum: EXECUTION_STATUSES }) status!: ExecutionStatus;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finished_at!: string | null;
  @ApiProperty({ example: 5230, nullable: true, type: Number }) duration_ms!: number | null;
  @ApiProperty({ example: 'Summarised 12 papers', nullable: true, type: String }) summary!: string | null;
  @ApiProperty({
    enum: ['runner', 'worker'],
    description: 'runner: the built-in runner; worker: reported through the ingest API',
  })
  source!: 'runner' | 'worker';
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Groq',
    description: "The model that answered the runner's checks",
  })
  model_used!: string | null;
}

export class CartridgeExecutionDetailResponse extends CartridgeExecutionResponse {
  @ApiProperty({ nullable: true, description: "A worker's output, or the runner's per-check results (JSON)" })
  output!: unknown;
}

export class CartridgeResultsResponse {
  @ApiProperty({ example: 'Bio-Cartridge' }) cartridge!: string;
  @ApiProperty({ type: [CartridgeExecutionResponse], description: 'Newest first' })
  results!: CartridgeExecutionResponse[];
}
