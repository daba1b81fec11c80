import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ManualTestRunIdParams {
  @ApiProperty({ description: 'Manual test run id', format: 'uuid' })
  @IsUUID('4', { message: 'run_id must be a UUID' })
  run_id!: string;
}
