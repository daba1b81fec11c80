import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';

export const MODEL_STATUSES = ['healthy', 'degraded', 'down', 'unknown'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** A monitored LLM provider model (the seed's `models` table). */
@Entity({ name: 'models' })
export class ModelEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ name: 'api_type', type: 'varchar', length: 32 })
  apiType!: string;

  @DoubleColumn({ name: 'last_score', default: 0 })
  lastScore!: number;

  @Column({ name: 'response_time', type: 'integer', default: 0 })
  responseTime!: number;

  @DoubleColumn({ name: 'uptime_percent', default: 100 })
  uptimePercent!: number;

  @Column({ type: 'varchar', length: 16, default: 'healthy' })
  status!: ModelStatus;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
