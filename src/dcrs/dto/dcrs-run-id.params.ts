import { ApiProperty } from '@nestjs/swagger';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class DcrsRunIdParams {
  @ApiProperty({ description: 'DCRS run id', example: 13 })
  @ToInteger()
  @IsId()
  id!: number;
}
