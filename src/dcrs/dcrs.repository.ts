import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Repository } from 'typeorm';
import { DcrsRunEntity } from './dcrs-run.entity.js';

@Injectable()
export class DcrsRepository {
  constructor(@InjectRepository(DcrsRunEntity) private readonly runs: Repository<DcrsRunEntity>) {}

  findLatestRun(): Promise<DcrsRunEntity | null> {
    return this.runs.findOne({ where: {}, order: { executionTime: 'DESC', id: 'DESC' } });
  }

  /** Runs executed since an instant, newest first. */
  findRunsSince(since: Date): Promise<DcrsRunEntity[]> {
    return this.runs.find({
      where: { executionTime: MoreThanOrEqual(since) },
      order: { executionTime: 'DESC', id: 'DESC' },
    });
  }
}
