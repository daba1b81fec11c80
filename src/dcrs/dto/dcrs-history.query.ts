import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange } from '../../common/validators.js';

export class DcrsHistoryQuery {
  @ApiPropertyOptional({ description: 'How many days back (24 h each)', default: 7, minimum: 1, maximum: 365 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 365)
  days: number = 7;
}
