import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

export const CHANNEL_KINDS = ['webhook', 'slack', 'discord'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where alerts are delivered. The URL and the secret are never returned by the API. */
@Entity({ name: 'notification_channels' })
export class NotificationChannelEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ChannelKind;

  @Column({ type: 'varchar', length: 1000 })
  url!: string;

  /** HMAC secret for the generic webhook's X-Signature. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  secret!: string | null;

  /** Alert types it wants; null: all. */
  @Column({ name: 'alert_types', type: 'simple-json', nullable: true })
  alertTypes!: string[] | null;

  @Column({ name: 'min_severity', type: 'varchar', length: 16, default: 'info' })
  minSeverity!: 'info' | 'warning' | 'critical';

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  /** env: defined by NOTIFY_* variables at start (read-only through the API). */
  @Column({ type: 'varchar', length: 8, default: 'api' })
  origin!: 'api' | 'env';

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
