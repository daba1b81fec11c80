import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1): the raw rows that were in daily_metrics before rollups existed, ids ≤ throughId,
 * are rolled up at boot in chunks; doneId is how far that has come. Rows above throughId were rolled
 * up as they arrived. Retention deletes raw rows only once doneId ≥ throughId.
 */
@Entity({ name: 'metric_rollup_backfill' })
export class RollupBackfillEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'through_id', type: 'integer' })
  throughId!: number;

  @Column({ name: 'done_id', type: 'integer' })
  doneId!: number;
}
