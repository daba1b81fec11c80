import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import type { CaseResult } from './run-comparison.js';

@Injectable()
export class RegressionsRepository {
  constructor(
    @InjectRepository(DcrsRunEntity) private readonly runs: Repository<DcrsRunEntity>,
    @InjectRepository(MetricEntity) private readonly metrics: Repository<MetricEntity>,
  ) {}

  findRun(id: number): Promise<DcrsRunEntity | null> {
    return this.runs.findOneBy({ id });
  }

  /** The latest completed run before `id` that used the same suite. */
  findPreviousRunOfSuite(id: number, suiteHash: string): Promise<DcrsRunEntity | null> {
    return this.runs.findOne({
      where: { id: LessThan(id), suiteHash, status: 'completed' },
      order: { id: 'DESC' },
    });
  }

  /** The evaluation cases the run recorded, per model. */
  async findRunCases(runId: number): Promise<CaseResult[]> {
    const rows = await this.metrics
      .createQueryBuilder('m')
      .withDeleted()
      .innerJoin('m.model', 'model')
      .select('model.name', 'model')
      .addSelect('m.caseId', 'caseId')
      .addSelect('m.score', 'score')
      .addSelect('m.fingerprint', 'fingerprint')
      .where('m.runId = :runId', { runId: `dcrs-${runId}` })
      .andWhere('m.caseId IS NOT NULL')
      .orderBy('m.id', 'ASC')
      .getRawMany<{ model: string; caseId: string; score: number | string; fingerprint: string | null }>();
    return rows.map((row) => ({
      model: row.model,
      caseId: row.caseId,
      score: Number(row.score),
      fingerprint: row.fingerprint,
    }));
  }
}
