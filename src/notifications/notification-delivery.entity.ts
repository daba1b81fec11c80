import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import { NotificationChannelEntity } from './notification-channel.entity.js';

/** One delivery of one message to one channel, with every try it took. */
@Entity({ name: 'notification_deliveries' })
@Index('idx_deliveries_channel_created', ['channelId', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId!: number;

  @ManyToOne(() => NotificationChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<NotificationChannelEntity>;

  @Column({ name: 'alert_id', type: 'integer', nullable: true })
  alertId!: number | null;

  /** opened, resolved, reminder or test. */
  @Column({ type: 'varchar', length: 16 })
  event!: 'opened' | 'resolved' | 'reminder' | 'test';

  @Column({ type: 'varchar', length: 16 })
  status!: 'pending' | 'delivered' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
