// SLO objectives per model (admin writes), their status now (GET /api/slo) and the monthly report.
import { Injectable } from '@nestjs/common';
import { Clock, DAY_MS, HOUR_MS } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { ModelsRepository } from '../models/models.repository.js';
import type { ModelEntity } from '../models/model.entity.js';
import type { PutSloRequest } from './dto/slo.request.js';
import type {
  ModelSloResponse,
  ModelSloStatus,
  SloObjectiveStatus,
  SloReportResponse,
  SloReportRow,
  SloStatusResponse,
} from './dto/slo.response.js';
import type { ModelSloEntity } from './model-slo.entity.js';
import { atLeast, atMost, availabilityPercent, budgetLeftPercent, burnRate, type WindowStats } from './slo-budget.js';
import { SloWindowSource } from './slo-window-source.js';
import { SloRepository } from './slo.repository.js';

@Injectable()
export class SloService {
  constructor(
    private readonly slos: SloRepository,
    private readonly models: ModelsRepository,
    private readonly source: SloWindowSource,
    private readonly clock: Clock,
  ) {}

  async put(modelId: number, body: PutSloRequest): Promise<ModelSloResponse> {
    if (!(await this.models.findById(modelId))) throw notFound(`Model ${modelId} not found`);
    const current = await this.slos.findByModel(modelId);
    const next: ModelSloEntity = {
      modelId,
      availabilityPercent: pick(body.availability_percent, current?.availabilityPercent),
      windowDays: body.window_days ?? current?.windowDays ?? 30,
      ttftP95Ms: pick(body.ttft_p95_ms, current?.ttftP95Ms),
      latencyP95Ms: pick(body.latency_p95_ms, current?.latencyP95Ms),
      minScore: pick(body.min_score, current?.minScore),
      updatedAt: this.clock.now(),
    };
    return toSloResponse(await this.slos.save(next));
  }

  async get(modelId: number): Promise<ModelSloResponse> {
    const slo = await this.slos.findByModel(modelId);
    if (!slo) throw notFound(`Model ${modelId} has no SLO`);
    return toSloResponse(slo);
  }

  /** Every model with objectives and live models only (a removed model's SLO is left out). */
  async modelsWithSlo(): Promise<{ model: ModelEntity; slo: ModelSloEntity }[]> {
    const [slos, models] = await Promise.all([this.slos.findAll(), this.models.findAllOrdered()]);
    const byId = new Map(models.map((model) => [model.id, model]));
    return slos.flatMap((slo) => {
      const model = byId.get(slo.modelId);
      return model ? [{ model, slo }] : [];
    });
  }

  async status(): Promise<SloStatusResponse> {
    // Windows end just after now: a call recorded at this very instant counts.
    const now = new Date(this.clock.now().getTime() + 1);
    const models: ModelSloStatus[] = [];
    for (const { model, slo } of await this.modelsWithSlo()) {
      const since = (ms: number): Promise<WindowStats> =>
        this.source.windowStats(model.id, new Date(now.getTime() - ms), now);
      const [window, h1, h6] = await Promise.all([since(slo.windowDays * DAY_MS), since(HOUR_MS), since(6 * HOUR_MS)]);
      models.push({
        model_id: model.id,
        model: model.name,
        window_days: slo.windowDays,
        objectives: objectiveStatuses(slo, window, { h1, h6 }),
      });
    }
    return { models };
  }

  /** Each objective of each model over one calendar month (UTC), up to now for the current month. */
  async report(month: string | undefined): Promise<SloReportResponse> {
    const now = this.clock.now();
    const label = month ?? now.toISOString().slice(0, 7);
    const [year, monthIndex] = label.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(year, monthIndex - 1, 1));
    const end = new Date(Date.UTC(year, monthIndex, 1));
    const to = end.getTime() > now.getTime() ? new Date(now.getTime() + 1) : end;
    const rows: SloReportRow[] = [];
    for (const { model, slo } of await this.modelsWithSlo()) {
      const stats =
        to.getTime() > from.getTime()
          ? await this.source.windowStats(model.id, from, to)
          : { calls: 0, successes: 0, latencyP95: null, ttftP95: null, meanScore: null };
      for (const objective of objectiveStatuses(slo, stats, null)) {
        rows.push({
          model_id: model.id,
          model: model.name,
          objective: objective.objective,
          target: objective.target,
          value: objective.current,
          met: objective.met,
          budget_left_percent: objective.budget_left_percent,
          calls: stats.calls,
        });
      }
    }
    return { month: label, from: from.toISOString(), to: to.toISOString(), rows };
  }
}

/** The report as CSV, one line per model and objective. */
export function reportCsv(report: SloReportResponse): string {
  const header = 'month,model_id,model,objective,target,value,met,budget_left_percent,calls';
  const cell = (value: string | number | boolean | null): string => {
    const text = value === null ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = report.rows.map((row) =>
    [
      report.month,
      row.model_id,
      row.model,
      row.objective,
      row.target,
      row.value,
      row.met,
      row.budget_left_percent,
      row.calls,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

function pick<T>(value: T | null | undefined, current: T | null | undefined): T | null {
  return value === undefined ? (current ?? null) : value;
}

function objectiveStatuses(
  slo: ModelSloEntity,
  window: WindowStats,
  recent: { h1: WindowStats; h6: WindowStats } | null,
): SloObjectiveStatus[] {
  const statuses: SloObjectiveStatus[] = [];
  const plain = { budget_left_percent: null, burn_rate_1h: null, burn_rate_6h: null };
  if (slo.availabilityPercent !== null) {
    const current = availabilityPercent(window);
    statuses.push({
      objective: 'availability',
      target: slo.availabilityPercent,
      current,
      met: current === null ? null : current >= slo.availabilityPercent,
      budget_left_percent: finite(budgetLeftPercent(window, slo.availabilityPercent)),
      burn_rate_1h: recent ? finite(burnRate(recent.h1, slo.availabilityPercent)) : null,
      burn_rate_6h: recent ? finite(burnRate(recent.h6, slo.availabilityPercent)) : null,
    });
  }
  if (slo.latencyP95Ms !== null) {
    statuses.push({
      objective: 'latency_p95',
      target: slo.latencyP95Ms,
      current: window.latencyP95,
      met: atMost(window.latencyP95, slo.latencyP95Ms),
      ...plain,
    });
  }
  if (slo.ttftP95Ms !== null) {
    statuses.push({
      objective: 'ttft_p95',
      target: slo.ttftP95Ms,
      current: window.ttftP95,
      met: atMost(window.ttftP95, slo.ttftP95Ms),
      ...plain,
    });
  }
  if (slo.minScore !== null) {
    statuses.push({
      objective: 'min_score',
      target: slo.minScore,
      current: window.meanScore,
      met: atLeast(window.meanScore, slo.minScore),
      ...plain,
    });
  }
  return statuses;
}

/** JSON has no Infinity: a 100 % objective's infinite burn is reported as a large number. */
function finite(value: number | null): number | null {
  if (value === null || Number.isFinite(value)) return value;
  return value > 0 ? 1e9 : -1e9;
}

function toSloResponse(slo: ModelSloEntity): ModelSloResponse {
  return {
    model_id: slo.modelId,
    availability_percent: slo.availabilityPercent,
    window_days: slo.windowDays,
    ttft_p95_ms: slo.ttftP95Ms,
    latency_p95_ms: slo.latencyP95Ms,
    min_score: slo.minScore,
    updated_at: slo.updatedAt.toISOString(),
  };
}
