import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId, IsIntegerInRange } from '../../common/validators.js';

export class MetricsQuery {
  @ApiPropertyOptional({ description: 'Only this model', example: 1 })
  @IsOptional()
  @ToInteger()
  @IsId()
  model_id?: number;

  @ApiPropertyOptional({ description: 'How many days back (24 h each)', default: 1, minimum: 1, maximum: 365 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 365)
  days: number = 1;

  @ApiPropertyOptional({ description: 'At most this many rows', default: 1000, minimum: 1, maximum: 10000 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 10_000)
  limit: number = 1000;
}
