import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { ownerGone } from '../database/run-ownership.js';
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
   * Opens a run, unless the database refuses it: `run_going` when a run is running already (one
   * at a time, whichever instance opened it), `date_taken` when a scheduled run's date already has
   * one (another instance, or before a restart). Both are unique indexes, so two instances racing
   * cannot both win.
   * One INSERT without a transaction around it: on SQLite a transaction would hold the write lock
   * across awaits, and another connection waiting on it in the same process blocks the thread.
   */
  async insertRunningRun(
    date: string,
    trigger: DcrsTrigger,
    startedAt: Date,
    owner: string,
  ): Promise<DcrsRunEntity | 'run_going' | 'date_taken'> {
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
        owner,
        heartbeatAt: startedAt,
      });
      await this.runs.insert(run);
      return run;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A scheduled date, once taken, stays taken (its row is never removed): otherwise the running one refused it.
      if (trigger === 'schedule' && (await this.runs.existsBy({ scheduledDate: date }))) return 'date_taken';
      return 'run_going';
    }
  }

  /** The suite the run uses (name and content hash), for comparisons between runs. */
  async recordSuite(id: number, suiteName: string, suiteHash: string): Promise<void> {
    await this.runs.update({ id }, { suiteName: suiteName.slice(0, 100), suiteHash });
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

  /**
   * Runs left `running` by an instance that is gone (no heartbeat since `staleBefore`; null: every
   * running run): marked interrupted like the above, their scheduled slot given back; returns how many.
   */
  async interruptLeftoverRuns(reason: string, at: Date, staleBefore: Date | null): Promise<number> {
    const result = await this.runs.update(
      { status: 'running', ...ownerGone(staleBefore) },
      { status: 'interrupted', error: reason, finishedAt: at, scheduledDate: null },
    );
    return result.affected ?? 0;
  }

  /** The heartbeat of the runs `owner` executes. */
  async touchRunning(owner: string, at: Date): Promise<void> {
    await this.runs.update({ owner, status: 'running' }, { heartbeatAt: at });
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
