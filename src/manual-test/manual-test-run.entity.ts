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

/** A manual test run (the seed's POST /api/manual-test). */
@Entity({ name: 'manual_test_runs' })
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

  @TimestampColumn({ name: 'start_time', nullable: true })
  startTime!: Date | null;

  @TimestampColumn({ name: 'end_time', nullable: true })
  endTime!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  results!: ManualTestModelResult[] | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The instance executing it (hostname-pid-random); null on rows from before owners were kept. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  /** Its owner's last sign of life: a running row silent for long belongs to a dead instance. */
  @TimestampColumn({ name: 'heartbeat_at', nullable: true })
  heartbeatAt!: Date | null;
}
