import type { DcrsRunEntity } from '../dcrs-run.entity.js';
import type { DcrsRunResponse } from './dcrs.response.js';

export function toDcrsRunResponse(run: DcrsRunEntity): DcrsRunResponse {
  return {
    id: run.id,
    date: run.date,
    execution_time: run.executionTime.toISOString(),
    total_tests: run.totalTests,
    avg_score: run.avgScore,
    best_model: run.bestModel,
    changes_applied: run.changesApplied,
  };
}
