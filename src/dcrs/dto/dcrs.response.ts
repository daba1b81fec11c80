import { ApiProperty } from '@nestjs/swagger';

export class DcrsRunResponse {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ example: '2026-02-01', description: 'The run date in the DCRS time zone' }) date!: string;
  @ApiProperty({ format: 'date-time' }) execution_time!: string;
  @ApiProperty({ example: 100, description: 'Model x case calls made' }) total_tests!: number;
  @ApiProperty({ example: 9.09 }) avg_score!: number;
  @ApiProperty({ example: 'Gemini' }) best_model!: string;
  @ApiProperty({ example: true, description: 'Whether the routing primary changed' }) changes_applied!: boolean;
}

export class DcrsHistoryResponse {
  @ApiProperty({ example: 7 }) days!: number;
  @ApiProperty({ type: [DcrsRunResponse], description: 'Newest first' }) history!: DcrsRunResponse[];
}
