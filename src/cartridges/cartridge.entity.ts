import { Column, DeleteDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
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

  /** Cron expression of the built-in runner; null: runs only when asked or reported by workers. */
  @Column({ name: 'schedule_cron', type: 'varchar', length: 100, nullable: true })
  scheduleCron!: string | null;

  @Column({ name: 'schedule_timezone', type: 'varchar', length: 64, nullable: true })
  scheduleTimezone!: string | null;

  /** Cases in the evaluation suite's format, run by the built-in runner. */
  @Column({ name: 'check_set', type: 'simple-json', nullable: true })
  checkSet!: unknown[] | null;

  /** Model names it depends on; null: the routing primary and its fallbacks. */
  @Column({ name: 'depends_on', type: 'simple-json', nullable: true })
  dependsOn!: string[] | null;

  @TimestampColumn({ name: 'updated_at', nullable: true })
  updatedAt!: Date | null;

  /** Set when removed with its history kept (the name then gets a "(removed #id)" suffix). */
  @DeleteDateColumn({ name: 'deleted_at', type: Date, nullable: true })
  deletedAt!: Date | null;
}
