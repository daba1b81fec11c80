import type { ManualTestFinishedEvent } from '../../events/domain-events.js';
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

/** The run as it was stored when it ended, with the outcome its executor decided. */
export function toManualTestFinishedEvent(
  run: ManualTestRunEntity,
  status: ManualTestFinishedEvent['status'],
): ManualTestFinishedEvent {
  return {
    runId: run.id,
    status,
    models: run.models,
    startTime: run.startTime,
    endTime: run.endTime,
    results: (run.results ?? []).map((result) => ({
      model: result.model,
      score: result.score,
      responseTime: result.response_time,
      passed: result.passed,
      failed: result.failed,
      error: result.error,
    })),
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
