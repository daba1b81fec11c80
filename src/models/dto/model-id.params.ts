import { ApiProperty } from '@nestjs/swagger';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class ModelIdParams {
  @ApiProperty({ description: 'Model id', example: 1 })
  @ToInteger()
  @IsId()
  id!: number;
}
