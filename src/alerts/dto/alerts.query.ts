import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange } from '../../common/validators.js';
import { ALERT_TYPES, type AlertType } from '../../common/alert-kinds.js';

export class AlertsQuery {
  @ApiPropertyOptional({
    description: 'true: open alerts only; false: resolved ones only; absent: both',
    type: Boolean,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ enum: ALERT_TYPES, description: 'Only this type' })
  @IsOptional()
  @IsIn(ALERT_TYPES, { message: `type must be one of ${ALERT_TYPES.join(', ')}` })
  type?: AlertType;

  @ApiPropertyOptional({ description: 'At most this many, newest first', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 1000)
  limit: number = 100;
}
