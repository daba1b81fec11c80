// Answers for models that have no key when SIMULATE_PROVIDERS is on, so that a fresh `npm start`
// shows a living system. Latency, failures and scores are noise around the seed's values for the
// model; every row it produces is marked `simulated`.
import { SEED_MODELS } from '../models/seed-models.js';
import type { CallResult } from '../providers/provider.types.js';

export interface SimulationProfile {
  responseTimeMs: number;
  uptimePercent: number;
  score: number;
}

const FALLBACK: SimulationProfile = { responseTimeMs: 1500, uptimePercent: 99, score: 8.5 };

export function simulationProfile(modelName: string): SimulationProfile {
  const seed = SEED_MODELS.find((m) => m.name === modelName);
  return seed
    ? { responseTimeMs: seed.responseTime, uptimePercent: seed.uptimePercent, score: seed.lastScore }
    : FALLBACK;
}

export class ProviderSimulator {
  constructor(private readonly random: () => number = Math.random) {}

  /** A simulated call answering `expectedText` (or failing, now and then). */
  call(profile: SimulationProfile, expectedText: string): CallResult {
    const latencyMs = Math.max(50, Math.round(profile.responseTimeMs * (0.75 + this.random() * 0.6)));
    // Fail a little more often than the seeded uptime so that uptime visibly moves.
    if (this.random() * 100 > Math.min(99.8, profile.uptimePercent)) {
      const kinds = ['timeout', 'server_error', 'network'] as const;
      const errorKind = kinds[Math.floor(this.random() * kinds.length)];
      return { ok: false, errorKind, message: `simulated ${errorKind}`, latencyMs };
    }
    const ttftMs = Math.round(latencyMs * (0.2 + this.random() * 0.2));
    const outputTokens = 20 + Math.floor(this.random() * 200);
    return {
      ok: true,
      text: expectedText,
      latencyMs,
      ttftMs,
      outputTokens,
      // Not drawn, so that the simulator's random sequence stays what it was.
      inputTokens: 10 + Math.ceil(expectedText.length / 4),
      // Over the whole call, as the live adapters measure it.
      tokensPerSecond: Math.round((outputTokens / latencyMs) * 1000 * 10) / 10,
    };
  }

  /** A simulated evaluation case score in 0..1, centred on the model's seeded score. */
  caseScore(profile: SimulationProfile): number {
    const draw = profile.score / 10 + (this.random() - 0.5) * 0.3;
    return Math.round(Math.min(1, Math.max(0, draw)) * 100) / 100;
  }
}
