import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange } from '../../common/validators.js';

export class DeliveriesQuery {
  @ApiPropertyOptional({ description: 'At most this many, newest first', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 500)
  limit: number = 50;
}
