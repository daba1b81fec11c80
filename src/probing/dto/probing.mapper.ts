import type { ModelEvaluation } from '../evaluation.service.js';
import type { ModelEvaluationResponse } from './probing.response.js';

export function toEvaluationResponse(evaluation: ModelEvaluation): ModelEvaluationResponse {
  return {
    model: evaluation.model,
    probe_mode: evaluation.mode,
    score: evaluation.score,
    passed: evaluation.passed,
    failed: evaluation.failed,
    p50_latency_ms: evaluation.p50LatencyMs,
    p95_latency_ms: evaluation.p95LatencyMs,
    error_kinds: evaluation.errorKinds,
    cases: evaluation.cases.map((c) => ({
      case_id: c.case_id,
      score: c.score,
      passed_weight: c.passed_weight,
      total_weight: c.total_weight,
      latency_ms: c.latency_ms,
      error_kind: c.error_kind,
    })),
  };
}
