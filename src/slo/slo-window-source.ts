// The one way the SLO figures are read: what happened to a model in [from, to). Implemented over the
// raw daily_metrics rows (slo-window.repository.ts); switching it to the rollups is a one-file change.
import type { WindowStats } from './slo-budget.js';

export abstract class SloWindowSource {
  abstract windowStats(modelId: number, from: Date, to: Date): Promise<WindowStats>;
}
