import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';
import { ModelEntity } from '../models/model.entity.js';

export const METRIC_KINDS = ['probe', 'evaluation', 'manual', 'demo', 'simulated'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** One measured call of a model (the seed's `daily_metrics` table). */
@Entity({ name: 'daily_metrics' })
@Index('idx_metrics_model_timestamp', ['modelId', 'timestamp'])
// Covers the uptime counts (model, window, kind, outcome, maintenance) so that they never read the table itself.
@Index('idx_metrics_uptime_cover', ['modelId', 'timestamp', 'kind', 'success', 'errorKind', 'caseId', 'inMaintenance'])
export class MetricEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('idx_date')
  @Column({ type: 'date' })
  date!: string;

  @Index('idx_model_id')
  @Column({ name: 'model_id', type: 'integer' })
  modelId!: number;

  @ManyToOne(() => ModelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_id' })
  model?: Relation<ModelEntity>;

  @DoubleColumn()
  score!: number;

  @Column({ name: 'response_time', type: 'integer' })
  responseTime!: number;

  @Index('idx_metrics_timestamp')
  @TimestampColumn()
  timestamp!: Date;

  @Column({ type: 'varchar', length: 16, default: 'probe' })
  kind!: MetricKind;

  @Column({ type: 'boolean', default: true })
  success!: boolean;

  /** timeout, rate_limited, auth, server_error, bad_response or network; null on success. */
  @Column({ name: 'error_kind', type: 'varchar', length: 32, nullable: true })
  errorKind!: string | null;

  @Column({ name: 'ttft_ms', type: 'integer', nullable: true })
  ttftMs!: number | null;

  @DoubleColumn({ name: 'tokens_per_second', nullable: true })
  tokensPerSecond!: number | null;

  @Column({ name: 'output_tokens', type: 'integer', nullable: true })
  outputTokens!: number | null;

  @Column({ name: 'input_tokens', type: 'integer', nullable: true })
  inputTokens!: number | null;

  /** What the call cost at the price in force when it was stored (currency of that price); null: unknown. */
  @DoubleColumn({ nullable: true })
  cost!: number | null;

  /** The evaluation case, for evaluation and manual rows. */
  @Column({ name: 'case_id', type: 'varchar', length: 100, nullable: true })
  caseId!: string | null;

  /** Recorded inside a maintenance window: kept, but counted neither in uptime nor in SLO budgets. */
  @Column({ name: 'in_maintenance', type: 'boolean', default: false })
  inMaintenance!: boolean;

  /** What the provider said answered (model echo, system_fingerprint, modelVersion); null if nothing. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  fingerprint!: string | null;

  /** The DCRS or manual run that made the row. */
  @Column({ name: 'run_id', type: 'varchar', length: 64, nullable: true })
  runId!: string | null;
}
