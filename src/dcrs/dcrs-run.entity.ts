import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';

/** One daily evaluation run (the seed's `dcrs_logs` table). */
@Entity({ name: 'dcrs_logs' })
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
}
