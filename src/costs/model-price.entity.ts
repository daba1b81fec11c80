import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DoubleColumn, TimestampColumn } from '../database/columns.js';
import { ModelEntity } from '../models/model.entity.js';

/**
 * A model's price from an instant on, set by an admin. Rows are never changed: the history is what
 * lets a call's cost be the price in force when it was made. A model with no row uses PRICES_PATH.
 */
@Entity({ name: 'model_prices' })
@Index('idx_model_prices_model_effective', ['modelId', 'effectiveFrom'])
export class ModelPriceEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'model_id', type: 'integer' })
  modelId!: number;

  @ManyToOne(() => ModelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'model_id' })
  model?: Relation<ModelEntity>;

  @DoubleColumn({ name: 'input_per_million' })
  inputPerMillion!: number;

  @DoubleColumn({ name: 'output_per_million' })
  outputPerMillion!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @TimestampColumn({ name: 'effective_from' })
  effectiveFrom!: Date;
}
