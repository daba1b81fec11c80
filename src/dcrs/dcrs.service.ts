import { Injectable } from '@nestjs/common';
import { Clock, daysBefore } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { DcrsRunnerService } from './dcrs-runner.service.js';
import { DcrsRepository } from './dcrs.repository.js';
import { toDcrsRunDetailResponse, toDcrsRunResponse } from './dto/dcrs.mapper.js';
import type {
  DcrsHistoryResponse,
  DcrsRunDetailResponse,
  DcrsRunResponse,
  DcrsRunStartedResponse,
} from './dto/dcrs.response.js';

@Injectable()
export class DcrsService {
  constructor(
    private readonly runs: DcrsRepository,
    private readonly runner: DcrsRunnerService,
    private readonly clock: Clock,
  ) {}

  /** The latest completed run (a run still going or one that failed is in the history). */
  async latest(): Promise<DcrsRunResponse> {
    const run = await this.runs.findLatestCompletedRun();
    if (!run) throw notFound('No DCRS run has been recorded yet');
    return toDcrsRunResponse(run);
  }

  async history(days: number): Promise<DcrsHistoryResponse> {
    const runs = await this.runs.findRunsSince(daysBefore(this.clock.now(), days));
    return { days, history: runs.map(toDcrsRunResponse) };
  }

  async run(id: number): Promise<DcrsRunDetailResponse> {
    const run = await this.runs.findById(id);
    if (!run) throw notFound(`DCRS run ${id} not found`);
    return toDcrsRunDetailResponse(run);
  }

  async startManualRun(): Promise<DcrsRunStartedResponse> {
    const run = await this.runner.start('manual');
    if (!run) throw new DomainError('conflict', 'A DCRS run could not be opened');
    return { run_id: run.id, status: 'running' };
  }
}
