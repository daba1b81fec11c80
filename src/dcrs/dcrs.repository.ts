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
   * Opens a run. A scheduled run carries its date in a unique column: when that date already has
   * one (another instance, or before a restart), nothing is written and null comes back.
   */
  async insertRunningRun(
    date: string,
    trigger: DcrsTrigger,
    startedAt: Date,
    owner: string,
  ): Promise<DcrsRunEntity | null> {
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
      return await this.runs.save(run);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async completeRun(id: number, completion: RunCompletion): Promise<void> {
    await this.runs.update({ id }, { ...completion, status: 'completed' });
  }

  async failRun(id: number, reason: string, finishedAt: Date, durationMs: number): Promise<void> {
    await this.runs.update({ id }, { status: 'failed', error: reason.slice(0, 500), finishedAt, durationMs });
  }

  /**
   * Runs left `running` by an instance that is gone (no heartbeat since `staleBefore`; null: every
   * running run): marked failed with the reason; returns how many.
   */
  async failInterruptedRuns(reason: string, at: Date, staleBefore: Date | null): Promise<number> {
    const result = await this.runs.update(
      { status: 'running', ...ownerGone(staleBefore) },
      { status: 'failed', error: reason, finishedAt: at },
    );
    return result.affected ?? 0;
  }

  /** The heartbeat of the runs `owner` executes. */
  async touchRunning(owner: string, at: Date): Promise<void> {
    await this.runs.update({ owner, status: 'running' }, { heartbeatAt: at });
  }
}
