import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';
import { CartridgeEntity } from './cartridge.entity.js';

export const EXECUTION_STATUSES = ['running', 'success', 'failure'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One run of a cartridge, by the built-in runner or reported by a worker. */
@Entity({ name: 'cartridge_executions' })
@Index('idx_cartridge_executions_cartridge_started', ['cartridgeId', 'startedAt'])
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
}
