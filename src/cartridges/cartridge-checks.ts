// The built-in runner's decisions, as pure functions: which check sets are valid, which models a run
// tries in which order, and what an execution records once the models have answered (or not).
import { parseSuite, SuiteValidationError } from '../evaluation/suite.validation.js';
import type { CaseOutcome, EvalCase } from '../evaluation/suite.types.js';

export const MAX_CHECK_SET_CASES = 100;
const SUMMARY_MAX = 2000;

/** A check set in the evaluation suite's case format, or the problems, each naming the case and field. */
export type CheckSetParse = { ok: true; cases: EvalCase[] } | { ok: false; problems: string[] };

export function parseCheckSet(raw: unknown): CheckSetParse {
  if (Array.isArray(raw) && raw.length > MAX_CHECK_SET_CASES) {
    return { ok: false, problems: [`check_set must have at most ${MAX_CHECK_SET_CASES} cases (got ${raw.length})`] };
  }
  try {
    return { ok: true, cases: [...parseSuite({ name: 'check_set', cases: raw }, 'check_set').cases] };
  } catch (error) {
    if (!(error instanceof SuiteValidationError)) throw error;
    // The suite code names fields from the suite's root ("cases[2] (id "x").prompt"); here they sit in check_set.
    const problems = error.problems.map((problem) =>
      problem.replace(/^cases/, 'check_set').replace(/ cases\[/g, ' check_set['),
    );
    return { ok: false, problems };
  }
}

export interface RoutingOrder {
  primary: string | null;
  fallbacks: readonly string[];
}

/**
 * The models a run tries, in order. Without depends_on: the routing primary, then its fallbacks.
 * With depends_on: those of its models the routing ranks, in the routing's order, then the others
 * in the order listed (so with no routing primary yet, depends_on alone).
 */
export function modelChain(routing: RoutingOrder, dependsOn: readonly string[] | null): string[] {
  const routed = routing.primary === null ? [] : unique([routing.primary, ...routing.fallbacks]);
  if (dependsOn === null) return routed;
  const inRouting = routed.filter((name) => dependsOn.includes(name));
  return unique([...inRouting, ...dependsOn]);
}

/** Why a model was passed over: a provider error kind, or not_found / disabled / not_configured. */
export interface SkippedModel {
  model: string;
  reason: string;
}

export interface CheckRunReport {
  success: boolean;
  modelUsed: string | null;
  summary: string;
  output: CheckRunOutput;
}

export interface CheckRunOutput {
  model_used: string | null;
  fell_back_from: SkippedModel[];
  checks: { id: string; passed: boolean; score: number; latency_ms: number }[];
}

/**
 * The execution a run records. `answered` is the model whose answers to every case were scored,
 * null when every model of the chain failed to answer. A run succeeds when every check passed.
 */
export function reportCheckRun(
  skipped: readonly SkippedModel[],
  answered: { model: string; outcomes: readonly CaseOutcome[] } | null,
): CheckRunReport {
  const fellBack = skipped.map((s) => `${s.model}: ${s.reason}`).join(', ');
  if (answered === null) {
    return {
      success: false,
      modelUsed: null,
      summary: truncate(
        skipped.length === 0 ? 'No model to run the checks on' : `No model answered the checks (${fellBack})`,
      ),
      output: { model_used: null, fell_back_from: [...skipped], checks: [] },
    };
  }
  const checks = answered.outcomes.map((o) => ({
    id: o.case_id,
    passed: o.score === 1,
    score: o.score,
    latency_ms: o.latency_ms,
  }));
  const passed = checks.filter((c) => c.passed).length;
  const failedIds = checks.filter((c) => !c.passed).map((c) => c.id);
  let summary = `${passed}/${checks.length} checks passed on ${answered.model}`;
  if (skipped.length > 0) summary += ` (fell back from ${fellBack})`;
  if (failedIds.length > 0) summary += `; failed: ${failedIds.join(', ')}`;
  return {
    success: failedIds.length === 0,
    modelUsed: answered.model,
    summary: truncate(summary),
    output: { model_used: answered.model, fell_back_from: [...skipped], checks },
  };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function truncate(text: string): string {
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 3)}...`;
}
