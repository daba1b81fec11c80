import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { DcrsRunEntity, type DcrsModelResult, type DcrsTrigger } from './dcrs-run.entity.js';

export interface RunCompletion {
  totalTests: number;
  avgScore: number;
  bestModel: string;
  changesApplied: boolean;
  finishedAt: Date;
  durationMs: number;
  results: DcrsModelResult[];
}

@Injectable()
export class DcrsRepository {
  constructor(@InjectRepository(DcrsRunEntity) private readonly runs: Repository<DcrsRunEntity>) {}

  findLatestCompletedRun(): Promise<DcrsRunEntity | null> {
    return this.runs.findOne({ where: { status: 'completed' }, order: { executionTime: 'DESC', id: 'DESC' } });
  }

  findById(id: number): Promise<DcrsRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  findRunning(): Promise<DcrsRunEntity | null> {
    return this.runs.findOne({ where: { status: 'running' }, order: { id: 'DESC' } });
  }

  /** Runs executed since an instant, newest first. */
  findRunsSince(since: Date): Promise<DcrsRunEntity[]> {
    return this.runs.find({
      where: { executionTime: MoreThanOrEqual(since) },
      order: { executionTime: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Opens a run. A scheduled run carries its date in a unique column: when that date already has
   * one (another instance, or before a restart), nothing is written and null comes back.
   */
  async insertRunningRun(date: string, trigger: DcrsTrigger, startedAt: Date): Promise<DcrsRunEntity | null> {
    try {
      const run = this.runs.create({
        date,
        trigger,
        scheduledDate: trigger === 'schedule' ? date : null,
        executionTime: startedAt,
        timestamp: startedAt,
        status: 'running',
        totalTests: 0,
        avgScore: 0,
        bestModel: '',
        changesApplied: false,
        isDemo: false,
        finishedAt: null,
        durationMs: null,
        results: null,
        error: null,
      });
      return await this.runs.save(run);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Only a run still `running` changes: one marked interrupted at shutdown stays so. */
  async completeRun(id: number, completion: RunCompletion): Promise<void> {
    await this.runs.update({ id, status: 'running' }, { ...completion, status: 'completed' });
  }

  async failRun(id: number, reason: string, finishedAt: Date, durationMs: number): Promise<void> {
    await this.runs.update(
      { id, status: 'running' },
      { status: 'failed', error: reason.slice(0, 500), finishedAt, durationMs },
    );
  }

  /**
   * The server stopped while the run was going. Its date's scheduled slot is given back, so that the
   * next instance may run that date's scheduled run again. False when the run had already ended.
   */
  async interruptRun(id: number, reason: string, finishedAt: Date, durationMs: number): Promise<boolean> {
    const result = await this.runs.update(
      { id, status: 'running' },
      { status: 'interrupted', error: reason.slice(0, 500), finishedAt, durationMs, scheduledDate: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Runs a crash (or a stop cut short) left `running`: marked interrupted like the above; returns how many. */
  async interruptLeftoverRuns(reason: string, at: Date): Promise<number> {
    const result = await this.runs.update(
      { status: 'running' },
      { status: 'interrupted', error: reason, finishedAt: at, scheduledDate: null },
    );
    return result.affected ?? 0;
  }

  /** Whether the date's scheduled run was interrupted and nothing holds the date's scheduled slot since. */
  async scheduledRunWasInterrupted(date: string): Promise<boolean> {
    const [interrupted, holder] = await Promise.all([
      this.runs.existsBy({ date, trigger: 'schedule', status: 'interrupted' }),
      this.runs.existsBy({ scheduledDate: date }),
    ]);
    return interrupted && !holder;
  }
}
