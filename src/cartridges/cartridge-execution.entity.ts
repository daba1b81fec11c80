import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import { CartridgeEntity } from './cartridge.entity.js';

export const EXECUTION_STATUSES = ['running', 'success', 'failure'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One run of a cartridge, by the built-in runner or reported by a worker. */
@Entity({ name: 'cartridge_executions' })
@Index('idx_cartridge_executions_cartridge_started', ['cartridgeId', 'startedAt'])
@Index('uq_cartridge_executions_idempotency', ['cartridgeId', 'idempotencyKey'], { unique: true })
export class CartridgeExecutionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'cartridge_id', type: 'integer' })
  cartridgeId!: number;

  @ManyToOne(() => CartridgeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cartridge_id' })
  cartridge?: Relation<CartridgeEntity>;

  @Column({ type: 'varchar', length: 16 })
  status!: ExecutionStatus;

  @TimestampColumn({ name: 'started_at' })
  startedAt!: Date;

  @TimestampColumn({ name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  summary!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  /** runner (built in) or worker (reported through the ingest API). */
  @Column({ type: 'varchar', length: 16, default: 'runner' })
  source!: 'runner' | 'worker';

  @Column({ name: 'model_used', type: 'varchar', length: 100, nullable: true })
  modelUsed!: string | null;

  /** A worker's output, bounded to 64 KB, as JSON text. */
  @Column({ type: 'simple-json', nullable: true })
  output!: unknown;

  /** The worker's Idempotency-Key: the same key again writes nothing. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey!: string | null;

  /** SHA-256 of the first request's body, to refuse the same key with another body. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true })
  requestHash!: string | null;

  /** The instance executing it (hostname-pid-random); null on rows from before owners were kept. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner!: string | null;

  /** Its owner's last sign of life: a running row silent for long belongs to a dead instance. */
  @TimestampColumn({ name: 'heartbeat_at', nullable: true })
  heartbeatAt!: Date | null;
}
