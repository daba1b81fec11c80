import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { IsNullable, IsPresent, Trim } from '../../common/validators.js';
import { DEFAULT_SCHEDULE_TIMEZONE, isCartridgeCron, isTimeZone } from '../cartridge-schedule.js';

const MAX_DEPENDS_ON = 20;

export class CartridgeScheduleRequest {
  @ApiProperty({ example: '0 * * * *', description: 'Five-field cron expression (minute precision)' })
  @ValidateBy({
    name: 'isCartridgeCron',
    validator: {
      validate: isCartridgeCron,
      defaultMessage: () => 'cron must be a five-field cron expression such as "0 * * * *"',
    },
  })
  cron!: string;

  @ApiPropertyOptional({
    example: 'Asia/Seoul',
    default: DEFAULT_SCHEDULE_TIMEZONE,
    description: 'IANA time zone of the cron',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isTimeZone',
    validator: { validate: isTimeZone, defaultMessage: () => 'timezone must be an IANA time zone such as Asia/Seoul' },
  })
  timezone?: string;
}

const CHECK_SET_DESCRIPTION =
  'Cases in the evaluation suite format ({id, prompt, system?, max_tokens?, assert: [...]}), run by the built-in runner';
const DEPENDS_ON_DESCRIPTION = 'Model names, tried in the routing order; null: the routing primary and its fallbacks';

const ValidSchedule = (): PropertyDecorator => {
  const decorators = [
    IsObject({ message: 'schedule must be an object {cron, timezone?} or null' }),
    ValidateNested(),
    Type(() => CartridgeScheduleRequest),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

const ValidCheckSet = (): PropertyDecorator => IsArray({ message: 'check_set must be an array of cases or null' });

const ValidDependsOn = (): PropertyDecorator => {
  const decorators = [
    IsArray({ message: 'depends_on must be an array of model names or null' }),
    ArrayNotEmpty({ message: 'depends_on must name at least one model (or be null for the routing order)' }),
    ArrayMaxSize(MAX_DEPENDS_ON, { message: `depends_on may name at most ${MAX_DEPENDS_ON} models` }),
    IsString({ each: true, message: 'depends_on must contain model names (strings)' }),
    Length(1, 100, { each: true, message: 'depends_on names must be 1 to 100 characters' }),
    ArrayUnique({ message: 'depends_on must not name a model twice' }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class CreateCartridgeRequest {
  @ApiProperty({ example: 'News-Cartridge', description: 'Unique name' })
  @Trim()
  @IsString({ message: 'name must be 1 to 100 characters' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Daily news digest pipeline' })
  @IsNullable()
  @IsString({ message: 'description must be a string of at most 500 characters' })
  @MaxLength(500, { message: 'description must be a string of at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: CartridgeScheduleRequest })
  @IsNullable()
  @ValidSchedule()
  schedule?: CartridgeScheduleRequest | null;

  @ApiPropertyOptional({ nullable: true, type: 'array', items: { type: 'object' }, description: CHECK_SET_DESCRIPTION })
  @IsNullable()
  @ValidCheckSet()
  check_set?: unknown[] | null;

  @ApiPropertyOptional({
    nullable: true,
    type: [String],
    example: ['Gemini', 'Groq'],
    description: DEPENDS_ON_DESCRIPTION,
  })
  @IsNullable()
  @ValidDependsOn()
  depends_on?: string[] | null;
}

export class UpdateCartridgeRequest {
  @ApiPropertyOptional({ example: 'News-Cartridge' })
  @IsPresent()
  @Trim()
  @IsString({ message: 'name must be 1 to 100 characters' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' })
  @IsNullable()
  @IsString({ message: 'description must be a string of at most 500 characters' })
  @MaxLength(500, { message: 'description must be a string of at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: CartridgeScheduleRequest, description: 'null: no schedule' })
  @IsNullable()
  @ValidSchedule()
  schedule?: CartridgeScheduleRequest | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'array',
    items: { type: 'object' },
    description: `${CHECK_SET_DESCRIPTION}; null: none`,
  })
  @IsNullable()
  @ValidCheckSet()
  check_set?: unknown[] | null;

  @ApiPropertyOptional({ nullable: true, type: [String], description: DEPENDS_ON_DESCRIPTION })
  @IsNullable()
  @ValidDependsOn()
  depends_on?: string[] | null;
}

export class DeleteCartridgeQuery {
  @ApiProperty({ enum: ['keep', 'delete'], description: "keep: the cartridge's executions stay; delete: they go too" })
  @IsIn(['keep', 'delete'], { message: 'history must be keep or delete' })
  history!: 'keep' | 'delete';
}
