import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns.js';

/** A domain pipeline of the brain (Bio-Cartridge, Investment-Cartridge, ...). */
@Entity({ name: 'cartridges' })
export class CartridgeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
