// Believable, reproducible demo history for a fresh install: a week of hourly metrics per model,
// one DCRS run per day at 08:00 in the DCRS time zone, and cartridge executions every three hours.
// Pure: the same inputs always give the same rows.
import { dateInTimeZone, DAY_MS, HOUR_MS, utcDate } from '../common/clock.js';
import { round } from '../common/stats.js';
import type { SeedModel } from '../models/seed-models.js';

export interface DemoMetric {
  modelName: string;
  date: string;
  score: number;
  responseTime: number;
  timestamp: Date;
}

export interface DemoDcrsRun {
  date: string;
  executionTime: Date;
  totalTests: number;
  avgScore: number;
  bestModel: string;
  changesApplied: boolean;
}

export interface DemoExecution {
  cartridgeName: string;
  status: 'success' | 'failure';
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  summary: string;
}

export interface DemoHistory {
  metrics: DemoMetric[];
  runs: DemoDcrsRun[];
  executions: DemoExecution[];
}

/** mulberry32: a tiny deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export function buildDemoHistory(
  models: readonly SeedModel[],
  cartridgeNames: readonly string[],
  now: Date,
  timeZone = 'Asia/Seoul',
  days = 7,
): DemoHistory {
  const random = seededRandom(20260201);
  const start = now.getTime() - days * DAY_MS;
  const metrics: DemoMetric[] = [];
  for (let t = start + HOUR_MS; t <= now.getTime(); t += HOUR_MS) {
    const timestamp = new Date(t);
    for (const model of models) {
      metrics.push({
        modelName: model.name,
        date: utcDate(timestamp),
        score: round(clamp(model.lastScore + (random() - 0.5) * 0.6, 0, 10), 1),
        responseTime: Math.round(model.responseTime * (0.8 + random() * 0.5)),
        timestamp,
      });
    }
  }

  const runs: DemoDcrsRun[] = [];
  const best = [...models].sort((a, b) => b.lastScore - a.lastScore)[0];
  const seedMean = models.reduce((sum, m) => sum + m.lastScore, 0) / Math.max(1, models.length);
  for (let day = days - 1; day >= 0; day--) {
    const executionTime = eightAmIn(timeZone, new Date(now.getTime() - day * DAY_MS));
    if (executionTime.getTime() > now.getTime()) continue;
    runs.push({
      date: dateInTimeZone(executionTime, timeZone),
      executionTime,
      totalTests: models.length * 10,
      avgScore: round(seedMean + (random() - 0.5) * 0.2, 2),
      bestModel: best?.name ?? 'none',
      changesApplied: runs.length === 0,
    });
  }

  const executions: DemoExecution[] = [];
  for (const [index, cartridgeName] of cartridgeNames.entries()) {
    for (let t = start + (index + 1) * 15 * 60_000; t <= now.getTime() - 10 * 60_000; t += 3 * HOUR_MS) {
      const success = random() > 0.03;
      const durationMs = Math.round(2000 + random() * 6000);
      executions.push({
        cartridgeName,
        status: success ? 'success' : 'failure',
        startedAt: new Date(t),
        finishedAt: new Date(t + durationMs),
        durationMs,
        summary: success ? `Processed ${5 + Math.floor(random() * 20)} items` : 'Upstream model call failed',
      });
    }
  }
  return { metrics, runs, executions };
}

/** 08:00 local time in the zone, on the local calendar day of `day`. */
function eightAmIn(timeZone: string, day: Date): Date {
  const localDate = dateInTimeZone(day, timeZone);
  const guess = new Date(`${localDate}T08:00:00Z`);
  // The zone's offset at that moment: shift the UTC guess by the difference it shows.
  const shown = new Date(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .format(guess)
      .replace(' ', 'T') + 'Z',
  );
  return new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
}
