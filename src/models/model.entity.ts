import { Column, DeleteDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ModelStatus } from '../common/model-statuses.js';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';

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

  /** Provider-side model id; null: the api_type's configured default. */
  @Column({ name: 'provider_model', type: 'varchar', length: 200, nullable: true })
  providerModel!: string | null;

  /** Base URL override; null: the api_type's configured default. */
  @Column({ name: 'base_url', type: 'varchar', length: 500, nullable: true })
  baseUrl!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'consecutive_successes', type: 'integer', default: 0 })
  consecutiveSuccesses!: number;

  @TimestampColumn({ name: 'last_probe_at', nullable: true })
  lastProbeAt!: Date | null;

  @Column({ name: 'last_error_kind', type: 'varchar', length: 32, nullable: true })
  lastErrorKind!: string | null;

  /** A provider's Retry-After: the model is not called again before this instant. */
  @TimestampColumn({ name: 'rate_limited_until', nullable: true })
  rateLimitedUntil!: Date | null;

  // The latest rate-limit figures the provider sent in its response headers (null: none sent).
  @Column({ name: 'quota_requests_remaining', type: 'integer', nullable: true })
  quotaRequestsRemaining!: number | null;

  @Column({ name: 'quota_requests_limit', type: 'integer', nullable: true })
  quotaRequestsLimit!: number | null;

  @Column({ name: 'quota_tokens_remaining', type: 'integer', nullable: true })
  quotaTokensRemaining!: number | null;

  @Column({ name: 'quota_tokens_limit', type: 'integer', nullable: true })
  quotaTokensLimit!: number | null;

  @TimestampColumn({ name: 'quota_requests_reset_at', nullable: true })
  quotaRequestsResetAt!: Date | null;

  @TimestampColumn({ name: 'quota_tokens_reset_at', nullable: true })
  quotaTokensResetAt!: Date | null;

  /** When the figures above were read. */
  @TimestampColumn({ name: 'quota_read_at', nullable: true })
  quotaReadAt!: Date | null;

  /** Set when the model was removed but its history kept (its name then gets a "(removed #id)" suffix). */
  @DeleteDateColumn({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;
}
