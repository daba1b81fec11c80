// Compares two evaluation runs of the same suite, model by model: the score delta, the cases that
// flipped pass→fail and fail→pass, and whether the provider's model fingerprint changed. Pure.
import type { AlertAction } from '../alerts/alert-rules.js';
import { clip, MESSAGE_MAX, SUBJECT_MAX } from '../alerts/alert-rules.js';

/** One case of one model in one run, as stored (score 0-10; 10 is a pass). */
export interface CaseResult {
  model: string;
  caseId: string;
  score: number;
  fingerprint: string | null;
}

export interface ModelComparison {
  model: string;
  /** Mean case score (0-10) in each run; null when the model was not in that run. */
  score: number | null;
  baselineScore: number | null;
  scoreDelta: number | null;
  passToFail: string[];
  failToPass: string[];
  fingerprint: string | null;
  baselineFingerprint: string | null;
  /** Both runs saw a fingerprint and they differ. */
  fingerprintChanged: boolean;
}

/** A case passes when it scored full marks (every assertion held). */
export const isPass = (score: number): boolean => score >= 10 - 1e-9;

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function compareRuns(current: readonly CaseResult[], baseline: readonly CaseResult[]): ModelComparison[] {
  const models = [...new Set([...current, ...baseline].map((c) => c.model))].sort();
  return models.map((model) => {
    const now = current.filter((c) => c.model === model);
    const before = baseline.filter((c) => c.model === model);
    const beforeByCase = new Map(before.map((c) => [c.caseId, c]));
    const passToFail: string[] = [];
    const failToPass: string[] = [];
    for (const result of now) {
      const earlier = beforeByCase.get(result.caseId);
      if (!earlier) continue;
      if (isPass(earlier.score) && !isPass(result.score)) passToFail.push(result.caseId);
      if (!isPass(earlier.score) && isPass(result.score)) failToPass.push(result.caseId);
    }
    const score = meanScore(now);
    const baselineScore = meanScore(before);
    const fingerprint = mostCommon(now);
    const baselineFingerprint = mostCommon(before);
    return {
      model,
      score,
      baselineScore,
      scoreDelta: score !== null && baselineScore !== null ? round2(score - baselineScore) : null,
      passToFail: passToFail.sort(),
      failToPass: failToPass.sort(),
      fingerprint,
      baselineFingerprint,
      fingerprintChanged: fingerprint !== null && baselineFingerprint !== null && fingerprint !== baselineFingerprint,
    };
  });
}

function meanScore(cases: readonly CaseResult[]): number | null {
  if (cases.length === 0) return null;
  return round2(cases.reduce((sum, c) => sum + c.score, 0) / cases.length);
}

/** The fingerprint most of the model's answers carried (ties: the alphabetically first). */
function mostCommon(cases: readonly CaseResult[]): string | null {
  const counts = new Map<string, number>();
  for (const c of cases) if (c.fingerprint !== null) counts.set(c.fingerprint, (counts.get(c.fingerprint) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? null;
}

export interface RegressionOptions {
  minFlips: number;
  onFingerprint: boolean;
}

/**
 * quality_regression (warning) is a notice per model and run: recorded when at least `minFlips`
 * cases flipped pass→fail against the baseline, or (with onFingerprint) its fingerprint changed.
 */
export function decideRegressionAlerts(
  runId: number,
  baselineRunId: number,
  comparisons: readonly ModelComparison[],
  options: RegressionOptions,
): AlertAction[] {
  const actions: AlertAction[] = [];
  for (const c of comparisons) {
    const flipped = c.passToFail.length >= options.minFlips;
    const changed = options.onFingerprint && c.fingerprintChanged;
    if (!flipped && !changed) continue;
    const parts: string[] = [];
    if (c.passToFail.length > 0) {
      parts.push(`${c.passToFail.length} case(s) went from pass to fail: ${c.passToFail.join(', ')}`);
    }
    if (c.fingerprintChanged) parts.push(`its fingerprint changed from ${c.baselineFingerprint} to ${c.fingerprint}`);
    if (c.scoreDelta !== null) parts.push(`score ${c.baselineScore} → ${c.score}`);
    actions.push({
      action: 'notice',
      type: 'quality_regression',
      severity: 'warning',
      subject: clip(c.model, SUBJECT_MAX),
      message: clip(
        `${c.model} regressed in DCRS run ${runId} against run ${baselineRunId}: ${parts.join('; ')}`,
        MESSAGE_MAX,
      ),
      fact: `dcrs-run-${runId}`,
    });
  }
  return actions;
}
