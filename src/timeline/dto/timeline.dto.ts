import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange } from '../../common/validators.js';
import { TIMELINE_TYPES, type TimelineType } from '../timeline.js';

export const TIMELINE_MAX_DAYS = 90;

export class TimelineQuery {
  @ApiPropertyOptional({ default: 7, minimum: 1, maximum: TIMELINE_MAX_DAYS, description: 'Days back from now' })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, TIMELINE_MAX_DAYS)
  days?: number;
}

export class TimelineItemResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: TIMELINE_TYPES }) type!: TimelineType;
  @ApiProperty({ example: 'healthy → down: 3 failures in a row: timeout' }) summary!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The fact behind the item (its fields depend on the type)',
  })
  details!: Record<string, unknown>;
}

export class TimelineResponse {
  @ApiProperty() model_id!: number;
  @ApiProperty() model!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [TimelineItemResponse], description: 'Oldest first' }) items!: TimelineItemResponse[];
}
