import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import { KeyedSerializer } from '../common/concurrency.js';
import { isUniqueViolation } from '../database/errors.js';
import { ownerGone } from '../database/run-ownership.js';
import { ManualTestRunEntity, type ManualTestModelResult } from './manual-test-run.entity.js';

/** The PostgreSQL advisory lock key under which runs join the queue (any constant of our own). */
const QUEUE_LOCK_KEY = 0x5eed_4d54;

@Injectable()
export class ManualTestRepository {
  /** SQLite's stand-in for the advisory lock: one process, one connection. */
  private readonly sqliteQueue = new KeyedSerializer<'queue'>();

  constructor(@InjectRepository(ManualTestRunEntity) private readonly runs: Repository<ManualTestRunEntity>) {}

  /**
   * Queues a run unless `max` already wait besides the one under way (counted in the database, under
   * a lock, so that instances racing cannot pass the limit together). false when the queue is full.
   * The instance that queues it owns it (and keeps its heartbeat) until one claims it.
   */
  async enqueue(
    run: Pick<ManualTestRunEntity, 'id' | 'models' | 'requestedAt' | 'owner' | 'heartbeatAt'>,
    max: number,
  ): Promise<boolean> {
    return this.underQueueLock(async (runs) => {
      const unfinished = await runs.countBy({ status: In(['queued', 'testing']) });
      if (unfinished > max) return false;
      const last = (await runs.maximum('queueOrder')) ?? 0;
      await runs.insert({
        ...run,
        status: 'queued',
        queueOrder: last + 1,
        startTime: null,
        endTime: null,
        results: null,
        error: null,
      });
      return true;
    });
  }

  /**
   * Marks the next queued run testing and returns it, unless a run is testing already (here or in
   * another instance) or none waits: null. PostgreSQL skips a row another instance is claiming
   * (FOR UPDATE SKIP LOCKED); the unique index on the testing run refuses a second one. The claiming
   * instance becomes its owner.
   */
  async claimNext(startTime: Date, owner: string): Promise<ManualTestRunEntity | null> {
    if (this.runs.manager.connection.options.type !== 'postgres') {
      return this.sqliteQueue.run('queue', async () => {
        if (await this.runs.existsBy({ status: 'testing' })) return null;
        const next = await this.runs.findOne({ where: { status: 'queued' }, order: { queueOrder: 'ASC' } });
        if (!next) return null;
        await this.runs.update({ id: next.id }, { status: 'testing', startTime, owner, heartbeatAt: startTime });
        return this.findById(next.id);
      });
    }
    try {
      const claimed = await this.runs
        .createQueryBuilder()
        .update()
        .set({ status: 'testing', startTime, owner, heartbeatAt: startTime })
        .where(
          "id = (SELECT id FROM manual_test_runs WHERE status = 'queued' ORDER BY queue_order LIMIT 1 FOR UPDATE SKIP LOCKED)",
        )
        .andWhere("NOT EXISTS (SELECT 1 FROM manual_test_runs WHERE status = 'testing')")
        .returning(['id'])
        .execute();
      const [row] = claimed.raw as { id: string }[];
      return row ? this.findById(row.id) : null;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** 1 for the first waiting; 0 once the run is no longer queued. */
  async queuePosition(run: Pick<ManualTestRunEntity, 'queueOrder'>): Promise<number> {
    return this.runs.countBy({ status: 'queued', queueOrder: LessThanOrEqual(run.queueOrder) });
  }

  /** The suite the run uses (name and content hash). */
  async recordSuite(id: string, suiteName: string, suiteHash: string): Promise<void> {
    await this.runs.update({ id }, { suiteName: suiteName.slice(0, 100), suiteHash });
  }

  findById(id: string): Promise<ManualTestRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  /** Newest first. */
  findRecent(limit: number): Promise<ManualTestRunEntity[]> {
    return this.runs.find({ order: { requestedAt: 'DESC' }, take: limit });
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

  private underQueueLock<T>(work: (runs: Repository<ManualTestRunEntity>) => Promise<T>): Promise<T> {
    if (this.runs.manager.connection.options.type !== 'postgres') {
      return this.sqliteQueue.run('queue', () => work(this.runs));
    }
    return this.runs.manager.transaction(async (manager) => {
      // Held until the transaction ends: the count and the insert see no other insert in between.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [QUEUE_LOCK_KEY]);
      return work(manager.getRepository(ManualTestRunEntity));
    });
  }
}
