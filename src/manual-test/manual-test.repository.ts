import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ownerGone } from '../database/run-ownership.js';
import { ManualTestRunEntity, type ManualTestModelResult } from './manual-test-run.entity.js';

@Injectable()
export class ManualTestRepository {
  constructor(@InjectRepository(ManualTestRunEntity) private readonly runs: Repository<ManualTestRunEntity>) {}

  async insertRun(
    run: Pick<ManualTestRunEntity, 'id' | 'status' | 'models' | 'requestedAt' | 'owner' | 'heartbeatAt'>,
  ): Promise<ManualTestRunEntity> {
    return this.runs.save(this.runs.create({ ...run, startTime: null, endTime: null, results: null, error: null }));
  }

  findById(id: string): Promise<ManualTestRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  /** Newest first. */
  findRecent(limit: number): Promise<ManualTestRunEntity[]> {
    return this.runs.find({ order: { requestedAt: 'DESC' }, take: limit });
  }

  async markTesting(id: string, startTime: Date): Promise<void> {
    await this.runs.update({ id }, { status: 'testing', startTime });
  }

  async markFinished(
    id: string,
    status: 'completed' | 'failed',
    endTime: Date,
    results: ManualTestModelResult[],
    error: string | null,
  ): Promise<void> {
    await this.runs.update({ id }, { status, endTime, results, error });
  }

  /**
   * Runs left queued or testing by an instance that is gone (no heartbeat since `staleBefore`; null:
   * every unfinished one): failed, with the reason.
   */
  async failUnfinished(reason: string, at: Date, staleBefore: Date | null): Promise<number> {
    const result = await this.runs.update(
      { status: In(['queued', 'testing']), ...ownerGone(staleBefore) },
      { status: 'failed', error: reason, endTime: at },
    );
    return result.affected ?? 0;
  }

  /** The heartbeat of the runs `owner` has queued or is testing. */
  async touchUnfinished(owner: string, at: Date): Promise<void> {
    await this.runs.update({ owner, status: In(['queued', 'testing']) }, { heartbeatAt: at });
  }
}
