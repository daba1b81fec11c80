// SloWindowSource over the hourly and daily rollups: a window that ends now (every budget, burn rate and
// the current figures) reads the rollups plus at most an hour of raw rows, never the raw history. A
// window that ended in the past (the monthly report) is answered by the raw rows of that window.
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { histogramPercentile } from '../common/log-histogram.js';
import { RollupsRepository } from '../metrics/rollups/rollups.repository.js';
import {
  EVALUATION_KINDS,
  MEASURED_KINDS,
  latencyOf,
  meanOrNull,
  mergeKinds,
} from '../metrics/rollups/window-stats.js';
import type { WindowStats } from './slo-budget.js';
import { SloWindowSource } from './slo-window-source.js';
import { RawSloWindowRepository } from './slo-window.repository.js';

/** A window ending this close to now is read as ending now (the rollups answer "since … until now"). */
const NOW_TOLERANCE_MS = 60_000;

@Injectable()
export class RollupSloWindowSource extends SloWindowSource {
  constructor(
    private readonly rollups: RollupsRepository,
    private readonly raw: RawSloWindowRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async windowStats(modelId: number, from: Date, to: Date): Promise<WindowStats> {
    if (this.clock.now().getTime() - to.getTime() > NOW_TOLERANCE_MS) return this.raw.windowStats(modelId, from, to);
    const byKind = await this.rollups.windowByKind(modelId, from);
    const all = mergeKinds(byKind);
    const measured = mergeKinds(byKind, MEASURED_KINDS);
    const evaluations = mergeKinds(byKind, EVALUATION_KINDS);
    const mean = meanOrNull(evaluations.scoreSum, evaluations.scoreCount);
    return {
      calls: all.uptimeCounted,
      successes: all.uptimeUp,
      latencyP95: latencyOf(measured).p95,
      ttftP95: histogramPercentile(measured.ttftHist, 95),
      meanScore: mean === null ? null : Math.round(mean * 100) / 100,
    };
  }
}
