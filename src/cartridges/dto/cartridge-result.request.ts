import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { MAX_ID } from '../../common/validators.js';
import { isInstant, MAX_OUTPUT_BYTES, type WorkerReport } from '../worker-report.js';

const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: isInstant,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be an ISO-8601 timestamp with a time zone, e.g. 2026-02-01T08:00:00Z`,
    },
  });

/** A worker's report of one execution (POST /api/cartridges/:name/results). */
export class CartridgeResultRequest implements WorkerReport {
  @ApiProperty({ enum: ['success', 'failure'] })
  @IsIn(['success', 'failure'], { message: 'status must be success or failure' })
  status!: 'success' | 'failure';

  @ApiProperty({ format: 'date-time', example: '2026-02-01T08:00:00Z' })
  @IsInstant()
  started_at!: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-01T08:00:05Z', description: 'Not before started_at' })
  @IsInstant()
  finished_at!: string;

  @ApiPropertyOptional({ example: 5230, description: 'Default: finished_at - started_at' })
  @IsOptional()
  @ValidateBy({
    name: 'isDuration',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_ID,
      defaultMessage: () => 'duration_ms must be a non-negative integer',
    },
  })
  duration_ms?: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Summarised 12 papers' })
  @IsOptional()
  @IsString({ message: 'summary must be a string of at most 2000 characters' })
  @MaxLength(2000, { message: 'summary must be a string of at most 2000 characters' })
  summary?: string | null;

  @ApiPropertyOptional({
    description: `Any JSON value, at most ${MAX_OUTPUT_BYTES} bytes serialized`,
    example: { papers: 12 },
  })
  @IsOptional()
  output?: unknown;
}
