// The `neural_signal` event: how strongly each model "fires", 0..100, from its answer quality,
// availability and speed, and how that moved since the previous signal. Pure; README documents it.
import { mean, round, roundOrNull } from '../common/stats.js';
import type { ModelResponse } from '../models/dto/model.response.js';

export type SignalInput = Pick<
  ModelResponse,
  'id' | 'name' | 'last_score' | 'uptime_percent' | 'response_time' | 'status' | 'enabled'
>;

export interface ModelSignal {
  model_id: number;
  name: string;
  /** 0..100, 1 decimal; null for a disabled or never-measured model (left out of the overall). */
  strength: number | null;
  /** strength minus the previous signal's for this model; null when either is missing. */
  change: number | null;
}

export interface NeuralSignal {
  models: ModelSignal[];
  /** Mean of the models' strengths, 1 decimal; null when no model has one. */
  overall_strength: number | null;
  /** overall_strength minus the previous signal's; null for the first signal. */
  change: number | null;
}

export const SIGNAL_WEIGHTS = { score: 0.5, uptime: 0.3, latency: 0.2 } as const;
/** At or below this latency the speed part is full... */
export const FAST_RESPONSE_MS = 500;
/** ...and at or above this one it is zero, linearly in between. */
export const SLOW_RESPONSE_MS = 10_000;

function unit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

export function signalStrength(model: SignalInput): number | null {
  if (!model.enabled || model.status === 'unknown') return null;
  // A model that does not answer carries no signal, whatever its last good numbers were.
  if (model.status === 'down') return 0;
  const score = unit(model.last_score / 10);
  const uptime = unit(model.uptime_percent / 100);
  const latency = unit((SLOW_RESPONSE_MS - model.response_time) / (SLOW_RESPONSE_MS - FAST_RESPONSE_MS));
  return round(
    100 * (SIGNAL_WEIGHTS.score * score + SIGNAL_WEIGHTS.uptime * uptime + SIGNAL_WEIGHTS.latency * latency),
    1,
  );
}

function difference(current: number | null, previous: number | null | undefined): number | null {
  return current === null || previous === null || previous === undefined ? null : round(current - previous, 1);
}

export function neuralSignal(models: readonly SignalInput[], previous: NeuralSignal | null): NeuralSignal {
  const before = new Map(previous?.models.map((signal) => [signal.model_id, signal.strength]));
  const signals = models.map((model): ModelSignal => {
    const strength = signalStrength(model);
    return { model_id: model.id, name: model.name, strength, change: difference(strength, before.get(model.id)) };
  });
  const overall = roundOrNull(
    mean(signals.flatMap((signal) => (signal.strength === null ? [] : [signal.strength]))),
    1,
  );
  return { models: signals, overall_strength: overall, change: difference(overall, previous?.overall_strength) };
}
