// The one way the SLO figures are read: what happened to a model in [from, to). Implemented over the
// rollups (rollup-slo-window.source.ts); past windows fall back to the raw rows (slo-window.repository.ts).
import type { WindowStats } from './slo-budget.js';

export abstract class SloWindowSource {
  abstract windowStats(modelId: number, from: Date, to: Date): Promise<WindowStats>;
}
