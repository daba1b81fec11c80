import { ApiProperty } from '@nestjs/swagger';
import { EXECUTION_STATUSES, type ExecutionStatus } from '../cartridge-execution.entity.js';
import { CARTRIDGE_STATUSES, type CartridgeStatus } from '../cartridge-status.js';

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
}

export class CartridgeListResponse {
  @ApiProperty({ type: [CartridgeResponse] }) cartridges!: CartridgeResponse[];
}

export class CartridgeExecutionResponse {
  @ApiProperty({ example: 41 }) id!: number;
  @ApiProperty({ enum: EXECUTION_STATUSES }) status!: ExecutionStatus;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finished_at!: string | null;
  @ApiProperty({ example: 5230, nullable: true, type: Number }) duration_ms!: number | null;
  @ApiProperty({ example: 'Summarised 12 papers', nullable: true, type: String }) summary!: string | null;
}

export class CartridgeResultsResponse {
  @ApiProperty({ example: 'Bio-Cartridge' }) cartridge!: string;
  @ApiProperty({ type: [CartridgeExecutionResponse], description: 'Newest first' })
  results!: CartridgeExecutionResponse[];
}
