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

  /** The policy rule that chose (quality or cost_within); null before the policies existed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  rule!: 'quality' | 'cost_within' | null;

  /** The ranked models' figures the rule compared (name, score, cost per call, within the margin). */
  @Column({ type: 'simple-json', nullable: true })
  compared!: { name: string; score: number; costPerCall: number | null; withinMargin: boolean }[] | null;
}
