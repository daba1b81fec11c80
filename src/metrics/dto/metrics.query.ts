import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId, IsIntegerInRange } from '../../common/validators.js';

export const METRIC_RESOLUTIONS = ['raw', 'hour', 'day'] as const;
export type MetricResolution = (typeof METRIC_RESOLUTIONS)[number];

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

  @ApiPropertyOptional({
    description: 'At most this many rows (raw) or points (hour, day)',
    default: 1000,
    minimum: 1,
    maximum: 10000,
  })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 10_000)
  limit: number = 1000;

  @ApiPropertyOptional({
    enum: METRIC_RESOLUTIONS,
    description:
      'raw: one row per measured call; hour or day: one aggregated point per model and UTC bucket, from the ' +
      'rollups. Default: raw for up to 2 days, hour for up to 60 days, day beyond.',
  })
  @IsOptional()
  @IsIn(METRIC_RESOLUTIONS, { message: `resolution must be one of ${METRIC_RESOLUTIONS.join(', ')}` })
  resolution?: MetricResolution;
}

/** The resolution asked for, or the default for the span: raw ≤ 2 days, hour ≤ 60 days, day beyond. */
export function resolutionFor(days: number, asked?: MetricResolution): MetricResolution {
  if (asked) return asked;
  if (days <= 2) return 'raw';
  return days <= 60 ? 'hour' : 'day';
}
