import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import type { AlertSeverity, AlertType } from '../common/alert-kinds.js';
import { AlertEntity } from './alert.entity.js';

export interface NewAlert {
  type: AlertType;
  severity: AlertSeverity;
  subject: string;
  message: string;
  at: Date;
}

export interface AlertFilter {
  /** true: open only; false: resolved only; undefined: both. */
  active?: boolean;
  type?: AlertType;
  limit: number;
}

@Injectable()
export class AlertsRepository {
  constructor(@InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>) {}

  async findOpenKeys(): Promise<Set<string>> {
    const rows = await this.alerts.find({ select: { id: true, openKey: true }, where: { openKey: Not(IsNull()) } });
    return new Set(rows.map((row) => row.openKey!));
  }

  /** Opens a condition; null when one with the same key is already open (here or in another process). */
  async insertOpen(alert: NewAlert, openKey: string): Promise<AlertEntity | null> {
    try {
      return await this.alerts.save(
        this.alerts.create({ ...this.fields(alert), resolvedAt: null, openKey, dedupeKey: null }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Records a notice: resolved as it is created, never holding an open key. null when its fact is
   * recorded already (here or in another process).
   */
  async insertNotice(alert: NewAlert, dedupeKey: string): Promise<AlertEntity | null> {
    try {
      return await this.alerts.save(
        this.alerts.create({ ...this.fields(alert), resolvedAt: alert.at, openKey: null, dedupeKey }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Resolves the open alert with this key; null when none is open (or another process got there first). */
  async resolveOpen(openKey: string, at: Date): Promise<AlertEntity | null> {
    const alert = await this.alerts.findOneBy({ openKey });
    if (!alert) return null;
    const result = await this.alerts.update({ id: alert.id, openKey }, { resolvedAt: at, openKey: null });
    if ((result.affected ?? 0) === 0) return null;
    return Object.assign(alert, { resolvedAt: at, openKey: null });
  }

  /** Newest first. */
  findFiltered(filter: AlertFilter): Promise<AlertEntity[]> {
    const where: FindOptionsWhere<AlertEntity> = {};
    if (filter.active !== undefined) where.resolvedAt = filter.active ? IsNull() : Not(IsNull());
    if (filter.type !== undefined) where.type = filter.type;
    return this.alerts.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: filter.limit });
  }

  findById(id: number): Promise<AlertEntity | null> {
    return this.alerts.findOneBy({ id });
  }

  /** Sets acknowledged_at once; a later call leaves the first time in place. */
  async acknowledge(id: number, at: Date): Promise<void> {
    await this.alerts.update({ id, acknowledgedAt: IsNull() }, { acknowledgedAt: at });
  }

  /** Open, unacknowledged critical alerts last told about at or before the cutoff, oldest first. */
  findDueForReminder(cutoff: Date): Promise<AlertEntity[]> {
    return this.alerts.find({
      where: {
        openKey: Not(IsNull()),
        severity: 'critical',
        acknowledgedAt: IsNull(),
        lastNotifiedAt: LessThanOrEqual(cutoff),
      },
      order: { id: 'ASC' },
    });
  }

  /** Marks a reminder as sent unless another process already did since the cutoff. */
  async claimReminder(id: number, cutoff: Date, at: Date): Promise<boolean> {
    const result = await this.alerts.update(
      { id, openKey: Not(IsNull()), lastNotifiedAt: LessThanOrEqual(cutoff) },
      { lastNotifiedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  private fields(alert: NewAlert): Partial<AlertEntity> {
    return {
      type: alert.type,
      severity: alert.severity,
      subject: alert.subject,
      message: alert.message,
      createdAt: alert.at,
      acknowledgedAt: null,
      lastNotifiedAt: alert.at,
    };
  }
}
