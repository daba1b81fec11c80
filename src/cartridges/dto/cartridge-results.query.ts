import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange } from '../../common/validators.js';

export class CartridgeResultsQuery {
  @ApiPropertyOptional({ description: 'At most this many executions', default: 50, minimum: 1, maximum: 1000 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 1000)
  limit: number = 50;
}
