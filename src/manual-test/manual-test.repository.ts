import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ManualTestRunEntity, type ManualTestModelResult } from './manual-test-run.entity.js';

@Injectable()
export class ManualTestRepository {
  constructor(@InjectRepository(ManualTestRunEntity) private readonly runs: Repository<ManualTestRunEntity>) {}

  async insertRun(
    run: Pick<ManualTestRunEntity, 'id' | 'status' | 'models' | 'requestedAt'>,
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

  /** Runs a crash left queued or testing: failed, with the reason. */
  async failUnfinished(reason: string, at: Date): Promise<number> {
    const result = await this.runs.update(
      { status: In(['queued', 'testing']) },
      { status: 'failed', error: reason, endTime: at },
    );
    return result.affected ?? 0;
  }
}
