import type { ModelEvaluation } from '../../probing/evaluation.service.js';
import type { ManualTestModelResult, ManualTestRunEntity } from '../manual-test-run.entity.js';
import type { ManualTestRunResponse } from './manual-test.response.js';

export function toManualTestRunResponse(run: ManualTestRunEntity): ManualTestRunResponse {
  return {
    run_id: run.id,
    status: run.status,
    models: run.models,
    start_time: run.startTime?.toISOString() ?? null,
    end_time: run.endTime?.toISOString() ?? null,
    results: run.results ?? [],
    error: run.error,
  };
}

export function toManualTestResult(evaluation: ModelEvaluation): ManualTestModelResult {
  const errors = Object.entries(evaluation.errorKinds).map(([kind, count]) => `${kind} x${count}`);
  return {
    model: evaluation.model,
    score: evaluation.score,
    response_time: evaluation.p50LatencyMs,
    passed: evaluation.passed,
    failed: evaluation.failed,
    error: errors.length > 0 ? errors.join(', ') : null,
  };
}
