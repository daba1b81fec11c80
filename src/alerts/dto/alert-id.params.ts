import { ApiProperty } from '@nestjs/swagger';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class AlertIdParams {
  @ApiProperty({ description: 'Alert id', example: 12 })
  @ToInteger()
  @IsId()
  id!: number;
}
