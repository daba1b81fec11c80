import { Injectable } from '@nestjs/common';
import { Clock, daysBefore } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { DcrsRepository } from './dcrs.repository.js';
import { toDcrsRunResponse } from './dto/dcrs.mapper.js';
import type { DcrsHistoryResponse, DcrsRunResponse } from './dto/dcrs.response.js';

@Injectable()
export class DcrsService {
  constructor(
    private readonly runs: DcrsRepository,
    private readonly clock: Clock,
  ) {}

  async latest(): Promise<DcrsRunResponse> {
    const run = await this.runs.findLatestRun();
    if (!run) throw notFound('No DCRS run has been recorded yet');
    return toDcrsRunResponse(run);
  }

  async history(days: number): Promise<DcrsHistoryResponse> {
    const runs = await this.runs.findRunsSince(daysBefore(this.clock.now(), days));
    return { days, history: runs.map(toDcrsRunResponse) };
  }
}
