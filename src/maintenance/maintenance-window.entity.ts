import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/**
 * A planned maintenance window of one model (or of every model when model_id is null): one-off
 * (starts_at..ends_at) or recurring (a cron expression in UTC and a duration).
 */
@Entity({ name: 'maintenance_windows' })
export class MaintenanceWindowEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** null: every model. */
  @Index('idx_maintenance_model')
  @Column({ name: 'model_id', type: 'integer', nullable: true })
  modelId!: number | null;

  @TimestampColumn({ name: 'starts_at', nullable: true })
  startsAt!: Date | null;

  @TimestampColumn({ name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cron!: string | null;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes!: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
