import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';

/** A model's service level objectives; every objective is optional. */
@Entity({ name: 'model_slos' })
export class ModelSloEntity {
  @PrimaryColumn({ name: 'model_id', type: 'integer' })
  modelId!: number;

  /** Share of probes that must succeed, percent (e.g. 99.5). */
  @DoubleColumn({ name: 'availability_percent', nullable: true })
  availabilityPercent!: number | null;

  /** The rolling window the objectives are measured over, days. */
  @Column({ name: 'window_days', type: 'integer', default: 30 })
  windowDays!: number;

  @Column({ name: 'ttft_p95_ms', type: 'integer', nullable: true })
  ttftP95Ms!: number | null;

  @Column({ name: 'latency_p95_ms', type: 'integer', nullable: true })
  latencyP95Ms!: number | null;

  /** Mean evaluation score (0-10) that must not be undercut. */
  @DoubleColumn({ name: 'min_score', nullable: true })
  minScore!: number | null;

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
