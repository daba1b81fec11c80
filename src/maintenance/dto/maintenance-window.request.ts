import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, ValidateBy } from 'class-validator';
import { IsId, IsIntegerInRange, IsNullable, IsPresent, Trim } from '../../common/validators.js';
import { isValidCron } from '../maintenance-schedule.js';

const IsCron = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCron',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.length <= 100 && isValidCron(value),
      defaultMessage: () => 'cron must be a cron expression (UTC) such as "0 2 * * 0"',
    },
  });

/** One-off (starts_at + ends_at) or recurring (cron + duration_minutes), never both. */
export class CreateMaintenanceWindowRequest {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1,
    description: 'The model in maintenance; null or absent: every model',
  })
  @IsNullable()
  @IsId({ message: 'model_id must be a model id (a positive integer) or null' })
  model_id?: number | null;

  @ApiPropertyOptional({ example: '2026-11-10T02:00:00Z', description: 'Start of a one-off window (ISO 8601)' })
  @IsPresent()
  @IsISO8601({ strict: true }, { message: 'starts_at must be an ISO 8601 date-time' })
  starts_at?: string;

  @ApiPropertyOptional({ example: '2026-11-10T04:00:00Z', description: 'End of a one-off window (ISO 8601)' })
  @IsPresent()
  @IsISO8601({ strict: true }, { message: 'ends_at must be an ISO 8601 date-time' })
  ends_at?: string;

  @ApiPropertyOptional({ example: '0 2 * * 0', description: 'When a recurring window starts (cron, UTC)' })
  @IsPresent()
  @IsCron()
  cron?: string;

  @ApiPropertyOptional({ example: 30, description: 'How long each occurrence of a cron window lasts, minutes' })
  @IsPresent()
  @IsIntegerInRange(1, 10_080)
  duration_minutes?: number;

  @ApiProperty({ example: 'Provider database upgrade' })
  @Trim()
  @IsString({ message: 'reason must be 1 to 500 characters' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
