import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';

/**
 * One daily evaluation run (the seed's `dcrs_logs` table). At most one is running, whichever
 * instance opened it: a second insert of a running run breaks the partial unique index.
 */
@Entity({ name: 'dcrs_logs' })
@Index('idx_dcrs_one_running', ['status'], { unique: true, where: "status = 'running'" })
export class DcrsRunEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('idx_dcrs_date')
  @Column({ type: 'date' })
  date!: string;

  @TimestampColumn({ name: 'execution_time' })
  executionTime!: Date;

  @Column({ name: 'total_tests', type: 'integer' })
  totalTests!: number;

  @DoubleColumn({ name: 'avg_score' })
  avgScore!: number;

  @Column({ name: 'best_model', type: 'varchar', length: 100 })
  bestModel!: string;

  @Column({ name: 'changes_applied', type: 'boolean', default: false })
  changesApplied!: boolean;

  @TimestampColumn()
  timestamp!: Date;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'completed' })
  status!: DcrsRunStatus;

  /** schedule or manual (POST /api/dcrs/run). */
  @Column({ type: 'varchar', length: 16, default: 'schedule' })
  trigger!: DcrsTrigger;

  /** Set for scheduled runs only: the unique guard that allows one scheduled run per date. */
  @Column({ name: 'scheduled_date', type: 'varchar', length: 10, nullable: true, unique: true })
  scheduledDate!: string | null;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** Per-model results: score, p50/p95 latency, passed/failed cases, error kinds. */
  @Column({ type: 'simple-json', nullable: true })
  results!: DcrsModelResult[] | null;

  /** The evaluation suite the run used: its name and the SHA-256 of its cases (null on older rows). */
  @Column({ name: 'suite_name', type: 'varchar', length: 100, nullable: true })
  suiteName!: string | null;

  @Column({ name: 'suite_hash', type: 'varchar', length: 64, nullable: true })
  suiteHash!: string | null;

  /** Why a failed run failed, or why an interrupted one stopped. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The instance executing it (hostname-pid-random); null on rows from before owners were kept. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  /** Its owner's last sign of life: a running row silent for long belongs to a dead instance. */
  @TimestampColumn({ name: 'heartbeat_at', nullable: true })
  heartbeatAt!: Date | null;
}

/** interrupted: the server stopped while it was going (see README, "Faults and shutdown"). */
export const DCRS_RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type DcrsRunStatus = (typeof DCRS_RUN_STATUSES)[number];
export type DcrsTrigger = 'schedule' | 'manual';

export interface DcrsModelResult {
  model: string;
  score: number;
  p50_latency_ms: number | null;
  p95_latency_ms: number | null;
  passed: number;
  failed: number;
  error_kinds: Record<string, number>;
  probe_mode: string;
}
