import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/** Every decision that changed (or, in recommend mode, would have changed) the primary. */
@Entity({ name: 'routing_changes' })
export class RoutingChangeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'previous_primary', type: 'varchar', length: 100, nullable: true })
  previousPrimary!: string | null;

  @Column({ name: 'primary_model', type: 'varchar', length: 100 })
  primaryModel!: string;

  @Column({ type: 'simple-json' })
  fallbacks!: string[];

  @Column({ type: 'varchar', length: 16 })
  mode!: 'auto' | 'recommend';

  /** false in recommend mode: recorded, not applied. */
  @Column({ type: 'boolean' })
  applied!: boolean;

  @Column({ name: 'dcrs_run_id', type: 'integer', nullable: true })
  dcrsRunId!: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Index('idx_routing_changes_created')
  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
