// Domain events (facts in the code's casing) to the payloads clients receive (snake_case, ISO-8601
// instants). Key order is part of the /ws text, so every payload is written out field by field. Pure.
import { toAlertResponse } from '../alerts/dto/alert.mapper.js';
import type {
  AlertEvent,
  CartridgeResultEvent,
  DcrsProgressEvent,
  ManualTestFinishedEvent,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import type {
  AlertPayload,
  CartridgeResultPayload,
  DcrsProgressPayload,
  ManualTestResultPayload,
  RoutingChangedPayload,
} from './realtime-events.js';

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

/** The alert exactly as GET /api/alerts shows it. */
export function toAlertPayload(alert: AlertEvent): AlertPayload {
  return toAlertResponse(alert);
}

/** A completed run shows 100 % even when it had no tests to run. */
export function toDcrsProgressPayload(progress: DcrsProgressEvent): DcrsProgressPayload {
  const percent =
    progress.phase === 'completed'
      ? 100
      : Math.round((100 * progress.completedTests) / Math.max(1, progress.totalTests));
  return {
    run_id: progress.runId,
    date: progress.date,
    phase: progress.phase,
    completed_tests: progress.completedTests,
    total_tests: progress.totalTests,
    percent,
    current_model: progress.currentModel,
    best_so_far: progress.bestSoFar && { model: progress.bestSoFar.model, score: progress.bestSoFar.score },
    ...(progress.error === undefined ? {} : { error: progress.error }),
  };
}

export function toCartridgeResultPayload(result: CartridgeResultEvent): CartridgeResultPayload {
  const { execution } = result;
  return {
    cartridge: result.cartridge,
    execution: {
      id: execution.id,
      status: execution.status,
      started_at: execution.startedAt.toISOString(),
      finished_at: iso(execution.finishedAt),
      duration_ms: execution.durationMs,
      summary: execution.summary,
    },
    success_rate: result.successRate,
  };
}

export function toManualTestResultPayload(run: ManualTestFinishedEvent): ManualTestResultPayload {
  return {
    run_id: run.runId,
    status: run.status,
    models: run.models,
    start_time: iso(run.startTime),
    end_time: iso(run.endTime),
    results: run.results.map((result) => ({
      model: result.model,
      score: result.score,
      response_time: result.responseTime,
      passed: result.passed,
      failed: result.failed,
      error: result.error,
    })),
    error: run.error,
  };
}

export function toRoutingChangedPayload(decision: RoutingChangedEvent): RoutingChangedPayload {
  return {
    primary: decision.primary,
    fallbacks: decision.fallbacks,
    mode: decision.mode,
    updated_at: decision.updatedAt.toISOString(),
    dcrs_run_id: decision.dcrsRunId,
    reason: decision.reason,
  };
}
