// How a model's answers become scores: a case scores the weight of its passed assertions over the
// weight of all of them (0..1); a model scores 10 × the mean of its case scores, to one decimal.
import { mean, round } from '../common/stats.js';
import { checkAssertion } from './assertions.js';
import type { CaseCallResult, CaseOutcome, EvalCase } from './suite.types.js';

export function scoreCase(evalCase: EvalCase, result: CaseCallResult): CaseOutcome {
  // An errored call passes nothing, not even max-latency-ms: a fast failure is not a fast answer.
  const output = result.error_kind === null ? result.output : null;
  const assertions = evalCase.assert.map((assertion) => ({
    type: assertion.type,
    weight: assertion.weight,
    passed: output !== null && checkAssertion(assertion, output, result.latency_ms),
  }));
  const totalWeight = sumWeights(assertions);
  const passedWeight = sumWeights(assertions.filter((assertion) => assertion.passed));
  return {
    case_id: evalCase.id,
    passed_weight: passedWeight,
    total_weight: totalWeight,
    score: totalWeight > 0 ? passedWeight / totalWeight : 0,
    latency_ms: result.latency_ms,
    error_kind: result.error_kind,
    assertions: assertions.map(({ type, passed }) => ({ type, passed })),
  };
}

/** 0..10 to one decimal; a run with no cases scores 0. */
export function scoreModel(outcomes: readonly Pick<CaseOutcome, 'score'>[]): number {
  const average = mean(outcomes.map((outcome) => outcome.score));
  return average === null ? 0 : round(10 * average, 1);
}

function sumWeights(assertions: readonly { weight: number }[]): number {
  return assertions.reduce((sum, assertion) => sum + assertion.weight, 0);
}
