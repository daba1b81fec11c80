import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../../database/columns.js';
import { ModelEntity } from '../../models/model.entity.js';
import type { MetricKind } from '../metric.entity.js';

export const ROLLUP_RESOLUTIONS = ['hour', 'day'] as const;
export type RollupResolution = (typeof ROLLUP_RESOLUTIONS)[number];

/**
 * Everything measured of one model's calls of one kind in one UTC hour or day, kept current in the
 * same transaction as each daily_metrics insert (metrics/rollups/rollup-write.repository.ts). Distributions are
 * mergeable log histograms (common/log-histogram.ts) stored as JSON text; counts by key likewise.
 */
@Entity({ name: 'metric_rollups' })
@Index('uq_metric_rollups_key', ['resolution', 'modelId', 'bucketStart', 'kind'], { unique: true })
@Index('idx_metric_rollups_bucket', ['resolution', 'bucketStart'])
export class MetricRollupEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 4 })
  resolution!: RollupResolution;

  @TimestampColumn({ name: 'bucket_start' })
  bucketStart!: Date;

  @Column({ name: 'model_id', type: 'integer' })
  modelId!: number;

  @ManyToOne(() => ModelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_id' })
  model?: Relation<ModelEntity>;

  @Column({ type: 'varchar', length: 16 })
  kind!: MetricKind;

  /** Calls outside maintenance windows; maintenance ones count only in maintenanceCalls. */
  @Column({ type: 'integer', default: 0 })
  calls!: number;

  @Column({ type: 'integer', default: 0 })
  successes!: number;

  @Column({ name: 'maintenance_calls', type: 'integer', default: 0 })
  maintenanceCalls!: number;

  /** Probes (no case) that count for uptime: not rate-limited, not in maintenance. */
  @Column({ name: 'uptime_counted', type: 'integer', default: 0 })
  uptimeCounted!: number;

  @Column({ name: 'uptime_up', type: 'integer', default: 0 })
  uptimeUp!: number;

  /** {"timeout": 3, ...}: failed calls by error kind. */
  @Column({ type: 'text', default: '{}' })
  errors!: string;

  @DoubleColumn({ name: 'score_sum', default: 0 })
  scoreSum!: number;

  @Column({ name: 'score_count', type: 'integer', default: 0 })
  scoreCount!: number;

  @DoubleColumn({ name: 'response_time_sum', default: 0 })
  responseTimeSum!: number;

  /** Response time of every call, ms. */
  @Column({ name: 'response_time_hist', type: 'text', default: '{}' })
  responseTimeHist!: string;

  /** Response time of the successful calls, ms. */
  @Column({ name: 'latency_hist', type: 'text', default: '{}' })
  latencyHist!: string;

  @Column({ name: 'ttft_hist', type: 'text', default: '{}' })
  ttftHist!: string;

  @Column({ name: 'tps_hist', type: 'text', default: '{}' })
  tpsHist!: string;

  @DoubleColumn({ name: 'output_tokens_sum', default: 0 })
  outputTokensSum!: number;

  @DoubleColumn({ name: 'input_tokens_sum', default: 0 })
  inputTokensSum!: number;

  @DoubleColumn({ name: 'cost_sum', default: 0 })
  costSum!: number;
}
