import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class CompareRunsQuery {
  @ApiPropertyOptional({ description: 'The run to compare with; default: the previous run of the same suite' })
  @IsOptional()
  @ToInteger()
  @IsId({ message: 'baseline must be a run id (a positive integer)' })
  baseline?: number;
}
