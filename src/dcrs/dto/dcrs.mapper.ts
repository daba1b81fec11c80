import type { ModelEvaluation } from '../../probing/evaluation.service.js';
import type { DcrsModelResult, DcrsRunEntity } from '../dcrs-run.entity.js';
import type { DcrsRunDetailResponse, DcrsRunResponse } from './dcrs.response.js';

export function toDcrsRunResponse(run: DcrsRunEntity): DcrsRunResponse {
  return {
    id: run.id,
    date: run.date,
    execution_time: run.executionTime.toISOString(),
    total_tests: run.totalTests,
    avg_score: run.avgScore,
    best_model: run.bestModel,
    changes_applied: run.changesApplied,
    status: run.status,
  };
}

export function toDcrsRunDetailResponse(run: DcrsRunEntity): DcrsRunDetailResponse {
  return {
    ...toDcrsRunResponse(run),
    trigger: run.trigger,
    finished_at: run.finishedAt?.toISOString() ?? null,
    duration_ms: run.durationMs,
    error: run.error,
    is_demo: run.isDemo,
    results: run.results ?? [],
  };
}

export function toModelResults(evaluations: readonly ModelEvaluation[]): DcrsModelResult[] {
  return evaluations.map((e) => ({
    model: e.model,
    score: e.score,
    p50_latency_ms: e.p50LatencyMs,
    p95_latency_ms: e.p95LatencyMs,
    passed: e.passed,
    failed: e.failed,
    error_kinds: e.errorKinds,
    probe_mode: e.mode,
  }));
}
