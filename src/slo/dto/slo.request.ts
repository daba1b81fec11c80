import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import { IsIntegerInRange, IsNullable, IsPresent } from '../../common/validators.js';

const IsNumberInRange = (min: number, max: number): PropertyDecorator =>
  ValidateBy({
    name: 'isNumberInRange',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a number from ${min} to ${max}`,
    },
  });

/** Any subset; null clears an objective. */
export class PutSloRequest {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 99.5, description: 'Successful probes, percent' })
  @IsNullable()
  @IsNumberInRange(50, 100)
  availability_percent?: number | null;

  @ApiPropertyOptional({ example: 30, description: 'The rolling window of the objectives, days (default 30)' })
  @IsPresent()
  @IsIntegerInRange(1, 90)
  window_days?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 800, description: 'TTFT p95 at most, ms' })
  @IsNullable()
  @IsIntegerInRange(1, 600_000)
  ttft_p95_ms?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 3000, description: 'Latency p95 at most, ms' })
  @IsNullable()
  @IsIntegerInRange(1, 600_000)
  latency_p95_ms?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 7,
    description: 'Mean evaluation score at least (0-10)',
  })
  @IsNullable()
  @IsNumberInRange(0, 10)
  min_score?: number | null;
}

export class SloReportQuery {
  @ApiPropertyOptional({ example: '2026-11', description: 'The month (UTC), YYYY-MM; default: the current month' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv also with Accept: text/csv' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
