import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/** The brain's current routing: one row (id 1). */
@Entity({ name: 'routing_state' })
export class RoutingStateEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'primary_model', type: 'varchar', length: 100, nullable: true })
  primaryModel!: string | null;

  @Column({ type: 'simple-json' })
  fallbacks!: string[];

  @Column({ type: 'varchar', length: 16 })
  mode!: 'auto' | 'recommend';

  @TimestampColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @Column({ name: 'dcrs_run_id', type: 'integer', nullable: true })
  dcrsRunId!: number | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;
}
