import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import type { ModelStatus } from '../common/model-statuses.js';

/** One change of a model's status, with why it changed (for the timeline). */
@Entity({ name: 'model_status_changes' })
@Index('idx_status_changes_model_at', ['modelId', 'at'])
export class ModelStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'model_id', type: 'integer' })
  modelId!: number;

  @TimestampColumn()
  at!: Date;

  @Column({ name: 'previous_status', type: 'varchar', length: 16 })
  previousStatus!: ModelStatus;

  @Column({ type: 'varchar', length: 16 })
  status!: ModelStatus;

  @Column({ type: 'varchar', length: 300 })
  cause!: string;
}
