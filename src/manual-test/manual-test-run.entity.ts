import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

export const MANUAL_TEST_STATUSES = ['queued', 'testing', 'completed', 'failed'] as const;
export type ManualTestStatus = (typeof MANUAL_TEST_STATUSES)[number];

export interface ManualTestModelResult {
  model: string;
  score: number | null;
  response_time: number | null;
  passed: number;
  failed: number;
  error: string | null;
}

/**
 * A manual test run (the seed's POST /api/manual-test). The rows are the queue, shared by every
 * instance: queued ones wait in `queue_order`, and at most one is testing (a partial unique index).
 */
@Entity({ name: 'manual_test_runs' })
@Index('idx_manual_test_one_testing', ['status'], { unique: true, where: "status = 'testing'" })
export class ManualTestRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ManualTestStatus;

  @Column({ type: 'simple-json' })
  models!: string[];

  @Index('idx_manual_test_runs_requested')
  @TimestampColumn({ name: 'requested_at' })
  requestedAt!: Date;

  /** Order of arrival in the queue: the queued run with the lowest goes next. */
  @Column({ name: 'queue_order', type: 'integer', default: 0 })
  queueOrder!: number;

  @TimestampColumn({ name: 'start_time', nullable: true })
  startTime!: Date | null;

  @TimestampColumn({ name: 'end_time', nullable: true })
  endTime!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  results!: ManualTestModelResult[] | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The evaluation suite the run used: its name and the SHA-256 of its cases (null until it starts). */
  @Column({ name: 'suite_name', type: 'varchar', length: 100, nullable: true })
  suiteName!: string | null;

  @Column({ name: 'suite_hash', type: 'varchar', length: 64, nullable: true })
  suiteHash!: string | null;

  /** The instance executing it (hostname-pid-random); null on rows from before owners were kept. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  /** Its owner's last sign of life: a running row silent for long belongs to a dead instance. */
  @TimestampColumn({ name: 'heartbeat_at', nullable: true })
  heartbeatAt!: Date | null;
}
