// The evaluation suite as the rest of the app sees it: validated, defaults filled in.
// Field names follow the suite file format (snake_case) so a suite reads the same on disk and in code.

export const ASSERTION_TYPES = ['equals', 'contains', 'icontains', 'regex', 'is-json', 'max-latency-ms'] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

export const DEFAULT_MAX_TOKENS = 256;
export const DEFAULT_WEIGHT = 1;

interface AssertionBase {
  readonly weight: number;
}

/** Trimmed output equals the trimmed value exactly. */
export interface EqualsAssertion extends AssertionBase {
  readonly type: 'equals';
  readonly value: string;
}

/** Output contains the value, case-sensitive. */
export interface ContainsAssertion extends AssertionBase {
  readonly type: 'contains';
  readonly value: string;
}

/** Output contains the value, ignoring case. */
export interface IContainsAssertion extends AssertionBase {
  readonly type: 'icontains';
  readonly value: string;
}

/** Output matches the pattern; `flags` are JavaScript RegExp flags. */
export interface RegexAssertion extends AssertionBase {
  readonly type: 'regex';
  readonly value: string;
  readonly flags?: string;
}

/** Output is valid JSON (a ```json fenced block is accepted). */
export interface IsJsonAssertion extends AssertionBase {
  readonly type: 'is-json';
}

/** The call took at most `value` milliseconds. */
export interface MaxLatencyAssertion extends AssertionBase {
  readonly type: 'max-latency-ms';
  readonly value: number;
}

export type EvalAssertion =
  EqualsAssertion | ContainsAssertion | IContainsAssertion | RegexAssertion | IsJsonAssertion | MaxLatencyAssertion;

/** An assertion before the default weight is applied (one member of the union per type). */
export type UnweightedAssertion = EvalAssertion extends infer A
  ? A extends EvalAssertion
    ? Omit<A, 'weight'>
    : never
  : never;

export interface EvalCase {
  readonly id: string;
  readonly prompt: string;
  readonly system?: string;
  readonly max_tokens: number;
  readonly assert: readonly EvalAssertion[];
}

export interface EvalSuite {
  readonly name: string;
  readonly cases: readonly EvalCase[];
}

/** What one provider call for one case produced; `output` is null when the call errored. */
export interface CaseCallResult {
  readonly output: string | null;
  readonly latency_ms: number;
  readonly error_kind: string | null;
}

export interface AssertionOutcome {
  readonly type: AssertionType;
  readonly passed: boolean;
}

export interface CaseOutcome {
  readonly case_id: string;
  readonly passed_weight: number;
  readonly total_weight: number;
  /** passed_weight / total_weight, 0..1. */
  readonly score: number;
  readonly latency_ms: number;
  readonly error_kind: string | null;
  readonly assertions: readonly AssertionOutcome[];
}
