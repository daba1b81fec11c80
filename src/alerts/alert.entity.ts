import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AlertSeverity, AlertType } from '../common/alert-kinds.js';
import { TimestampColumn } from '../database/columns.js';

/** Something people must be told about. An open alert of a type and subject exists at most once. */
@Entity({ name: 'alerts' })
@Index('idx_alerts_created', ['createdAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: AlertType;

  @Column({ type: 'varchar', length: 16 })
  severity!: AlertSeverity;

  /** What it is about: a model or cartridge name, a DCRS run. */
  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'varchar', length: 1000 })
  message!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @TimestampColumn({ name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  /** When people were last told (opening, reminders). */
  @TimestampColumn({ name: 'last_notified_at', nullable: true })
  lastNotifiedAt!: Date | null;

  /** "<type>:<subject>" while open, null once resolved: the unique guard against opening twice. */
  @Column({ name: 'open_key', type: 'varchar', length: 250, nullable: true, unique: true })
  openKey!: string | null;

  /** A notice's "<type>:<subject>:<fact>": the unique guard against recording one fact twice (instances). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 320, nullable: true, unique: true })
  dedupeKey!: string | null;
}
