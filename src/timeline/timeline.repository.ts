// The timeline's reads over the tables where each kind of fact is kept.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { AlertEntity } from '../alerts/alert.entity.js';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { RoutingChangeEntity } from '../routing/routing-change.entity.js';
import { ModelStatusChangeEntity } from './model-status-change.entity.js';
import type { AlertFact, DcrsScoreFact, RoutingFact, StatusChangeFact } from './timeline.js';

export type NewStatusChange = Omit<ModelStatusChangeEntity, 'id'>;

@Injectable()
export class TimelineRepository {
  constructor(
    @InjectRepository(ModelStatusChangeEntity) private readonly changes: Repository<ModelStatusChangeEntity>,
    @InjectRepository(DcrsRunEntity) private readonly runs: Repository<DcrsRunEntity>,
    @InjectRepository(RoutingChangeEntity) private readonly routing: Repository<RoutingChangeEntity>,
    @InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>,
  ) {}

  async insertStatusChange(change: NewStatusChange): Promise<void> {
    await this.changes.insert(change);
  }

  async findStatusChanges(modelId: number, from: Date, to: Date): Promise<StatusChangeFact[]> {
    const rows = await this.changes.find({
      where: { modelId, at: Between(from, to) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({
      at: row.at,
      previousStatus: row.previousStatus,
      status: row.status,
      cause: row.cause,
    }));
  }

  /** The model's score in each completed DCRS run finished in the range. */
  async findDcrsScores(model: string, from: Date, to: Date): Promise<DcrsScoreFact[]> {
    const runs = await this.runs.find({
      where: { status: 'completed', executionTime: Between(from, to) },
      order: { id: 'ASC' },
    });
    return runs.flatMap((run) => {
      const result = run.results?.find((r) => r.model === model);
      return result
        ? [
            {
              at: run.finishedAt ?? run.executionTime,
              runId: run.id,
              score: result.score,
              passed: result.passed,
              failed: result.failed,
            },
          ]
        : [];
    });
  }

  async findRoutingChanges(model: string, from: Date, to: Date): Promise<RoutingFact[]> {
    const rows = await this.routing
      .createQueryBuilder('r')
      .where('r.createdAt >= :from AND r.createdAt < :to', { from, to })
      .andWhere('(r.primaryModel = :model OR r.previousPrimary = :model)', { model })
      .orderBy('r.createdAt', 'ASC')
      .getMany();
    return rows.map((row) => ({
      at: row.createdAt,
      previousPrimary: row.previousPrimary,
      primary: row.primaryModel,
      applied: row.applied,
      reason: row.reason,
    }));
  }

  /** Alerts about the model (their subject is its name) opened or resolved in the range. */
  async findAlerts(model: string, from: Date, to: Date): Promise<AlertFact[]> {
    const rows = await this.alerts
      .createQueryBuilder('a')
      .where('a.subject = :model', { model })
      .andWhere('((a.createdAt >= :from AND a.createdAt < :to) OR (a.resolvedAt >= :from AND a.resolvedAt < :to))', {
        from,
        to,
      })
      .orderBy('a.id', 'ASC')
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      severity: row.severity,
      message: row.message,
      createdAt: row.createdAt,
      resolvedAt: row.resolvedAt,
    }));
  }
}
