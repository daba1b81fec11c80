import { ApiProperty } from '@nestjs/swagger';
import { ALERT_SEVERITIES, ALERT_TYPES, type AlertSeverity } from '../../common/alert-kinds.js';
import { CHANNEL_KINDS, type ChannelKind } from '../notification-channel.entity.js';

export class ChannelResponse {
  @ApiProperty({ example: 3 }) id!: number;
  @ApiProperty({ example: 'ops-webhook' }) name!: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind!: ChannelKind;
  @ApiProperty({
    example: 'https://hooks.slack.com/***',
    description: 'Masked: Slack and Discord URLs are secrets (host only); a webhook shows its path but not its query',
  })
  url!: string;
  @ApiProperty({ description: 'Whether a signing secret is set (the secret itself is never returned)' })
  has_secret!: boolean;
  @ApiProperty({ enum: ALERT_TYPES, isArray: true, nullable: true, description: 'null: every type' }) alert_types!:
    string[] | null;
  @ApiProperty({ enum: ALERT_SEVERITIES }) min_severity!: AlertSeverity;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: ['api', 'env'], description: 'env: defined by NOTIFY_* variables, read-only here' }) origin!:
    'api' | 'env';
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ChannelListResponse {
  @ApiProperty({ type: [ChannelResponse] }) channels!: ChannelResponse[];
}

export class DeliveryResponse {
  @ApiProperty({ example: 41 }) id!: number;
  @ApiProperty({ example: 3 }) channel_id!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null for a test message' }) alert_id!: number | null;
  @ApiProperty({ enum: ['opened', 'resolved', 'reminder', 'test'] }) event!:
    'opened' | 'resolved' | 'reminder' | 'test';
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: 'pending' | 'delivered' | 'failed';
  @ApiProperty({ example: 1, description: 'Tries made (at most 3; 1 for a test message)' }) attempts!: number;
  @ApiProperty({ nullable: true, type: Number, example: 200, description: "The last try's HTTP status" })
  response_status!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 500', description: 'Why the last try failed' }) error!:
    string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finished_at!: string | null;
}

export class DeliveryListResponse {
  @ApiProperty({ example: 3 }) channel_id!: number;
  @ApiProperty({ type: [DeliveryResponse], description: 'Newest first' }) deliveries!: DeliveryResponse[];
}
