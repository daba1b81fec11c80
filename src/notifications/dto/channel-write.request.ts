import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { ALERT_SEVERITIES, ALERT_TYPES, type AlertSeverity, type AlertType } from '../../common/alert-kinds.js';
import { IsHttpUrlWithoutCredentials, IsNullable, IsPresent, Trim } from '../../common/validators.js';
import { CHANNEL_KINDS, type ChannelKind } from '../notification-channel.entity.js';

const NAME_MESSAGE = 'name must be 1 to 100 characters';
const RESERVED_MESSAGE = 'name must not start with "env:" (reserved for channels from the environment)';
const TYPES_MESSAGE = `alert_types must be a non-empty list of ${ALERT_TYPES.join(', ')}, or null for every type`;
const SEVERITY_MESSAGE = `min_severity must be one of ${ALERT_SEVERITIES.join(', ')}`;
const SECRET_MESSAGE = 'secret must be 16 to 200 characters';

export class CreateChannelRequest {
  @ApiProperty({ example: 'ops-webhook', description: 'Unique name' })
  // Validators run bottom-up: the length (and type) first, the reserved prefix last.
  @Matches(/^(?!env:)/i, { message: RESERVED_MESSAGE })
  @Trim()
  @IsString({ message: NAME_MESSAGE })
  @Length(1, 100, { message: NAME_MESSAGE })
  name!: string;

  @ApiProperty({
    enum: CHANNEL_KINDS,
    description: 'webhook: JSON POST signed with the secret; slack / discord: their incoming-webhook formats',
  })
  @IsIn(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` })
  kind!: ChannelKind;

  @ApiProperty({
    example: 'https://ops.example.com/hooks/shawn',
    description:
      'http(s); loopback, private, link-local and metadata addresses are refused unless the host is in WEBHOOK_ALLOWED_HOSTS. Never returned whole.',
  })
  @IsHttpUrlWithoutCredentials()
  url!: string;

  @ApiPropertyOptional({
    description: 'webhook only: the HMAC-SHA256 key of X-Signature. Never returned.',
    minLength: 16,
    maxLength: 200,
  })
  @IsOptional()
  @IsString({ message: SECRET_MESSAGE })
  @Length(16, 200, { message: SECRET_MESSAGE })
  secret?: string;

  @ApiPropertyOptional({
    enum: ALERT_TYPES,
    isArray: true,
    nullable: true,
    description: 'The alert types it wants; null or absent: all',
  })
  @IsOptional()
  @IsArray({ message: TYPES_MESSAGE })
  @ArrayNotEmpty({ message: TYPES_MESSAGE })
  @ArrayMaxSize(ALERT_TYPES.length, { message: TYPES_MESSAGE })
  @ArrayUnique({ message: 'alert_types must not repeat a type' })
  @IsIn(ALERT_TYPES, { each: true, message: TYPES_MESSAGE })
  alert_types?: AlertType[] | null;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES, default: 'info', description: 'The least severe alerts it wants' })
  @IsOptional()
  @IsIn(ALERT_SEVERITIES, { message: SEVERITY_MESSAGE })
  min_severity?: AlertSeverity;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class UpdateChannelRequest {
  @ApiPropertyOptional({ example: 'ops-webhook' })
  @IsPresent()
  // Validators run bottom-up: the length (and type) first, the reserved prefix last.
  @Matches(/^(?!env:)/i, { message: RESERVED_MESSAGE })
  @Trim()
  @IsString({ message: NAME_MESSAGE })
  @Length(1, 100, { message: NAME_MESSAGE })
  name?: string;

  @ApiPropertyOptional({ description: 'Same rules as when created' })
  @IsPresent()
  @IsHttpUrlWithoutCredentials()
  url?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'webhook only; null removes it' })
  @IsNullable()
  @IsString({ message: SECRET_MESSAGE })
  @Length(16, 200, { message: SECRET_MESSAGE })
  secret?: string | null;

  @ApiPropertyOptional({ enum: ALERT_TYPES, isArray: true, nullable: true, description: 'null: every type' })
  @IsNullable()
  @IsArray({ message: TYPES_MESSAGE })
  @ArrayNotEmpty({ message: TYPES_MESSAGE })
  @ArrayMaxSize(ALERT_TYPES.length, { message: TYPES_MESSAGE })
  @ArrayUnique({ message: 'alert_types must not repeat a type' })
  @IsIn(ALERT_TYPES, { each: true, message: TYPES_MESSAGE })
  alert_types?: AlertType[] | null;

  @ApiPropertyOptional({ enum: ALERT_SEVERITIES })
  @IsPresent()
  @IsIn(ALERT_SEVERITIES, { message: SEVERITY_MESSAGE })
  min_severity?: AlertSeverity;

  @ApiPropertyOptional()
  @IsPresent()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}
