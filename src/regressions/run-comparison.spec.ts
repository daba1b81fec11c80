import { compareRuns, decideRegressionAlerts, type CaseResult } from './run-comparison.js';

const result = (model: string, caseId: string, score: number, fingerprint: string | null = null): CaseResult => ({
  model,
  caseId,
  score,
  fingerprint,
});

describe('comparing two runs of one suite', () => {
  // Yesterday GPT passed alpha and beta; today it passes only alpha. Claude failed beta and now passes it.
  const baseline = [
    result('GPT', 'alpha', 10, 'gpt-4o/fp_1'),
    result('GPT', 'beta', 10, 'gpt-4o/fp_1'),
    result('Claude', 'alpha', 10),
    result('Claude', 'beta', 0),
  ];
  const current = [
    result('GPT', 'alpha', 10, 'gpt-4o/fp_2'),
    result('GPT', 'beta', 5, 'gpt-4o/fp_2'),
    result('Claude', 'alpha', 10),
    result('Claude', 'beta', 10),
  ];

  it('gives per model the score delta, the flipped cases and the fingerprint change', () => {
    expect(compareRuns(current, baseline)).toEqual([
      {
        model: 'Claude',
        score: 10,
        baselineScore: 5,
        scoreDelta: 5,
        passToFail: [],
        failToPass: ['beta'],
        fingerprint: null,
        baselineFingerprint: null,
        fingerprintChanged: false,
      },
      {
        model: 'GPT',
        score: 7.5,
        baselineScore: 10,
        scoreDelta: -2.5,
        passToFail: ['beta'],
        failToPass: [],
        fingerprint: 'gpt-4o/fp_2',
        baselineFingerprint: 'gpt-4o/fp_1',
        fingerprintChanged: true,
      },
    ]);
  });

  it('a model new in the run has no delta and no flips', () => {
    const [only] = compareRuns([result('New', 'alpha', 0)], []);
    expect(only).toMatchObject({ model: 'New', score: 0, baselineScore: null, scoreDelta: null, passToFail: [] });
  });

  it('raises quality_regression naming the flipped cases, once per model and run', () => {
    const actions = decideRegressionAlerts(8, 7, compareRuns(current, baseline), { minFlips: 1, onFingerprint: true });
    expect(actions).toEqual([
      {
        action: 'notice',
        type: 'quality_regression',
        severity: 'warning',
        subject: 'GPT',
        message:
          'GPT regressed in DCRS run 8 against run 7: 1 case(s) went from pass to fail: beta; its fingerprint ' +
          'changed from gpt-4o/fp_1 to gpt-4o/fp_2; score 10 → 7.5',
        fact: 'dcrs-run-8',
      },
    ]);
  });

  it('stays quiet under the flip threshold when fingerprints are not watched', () => {
    const comparisons = compareRuns(current, baseline);
    expect(decideRegressionAlerts(8, 7, comparisons, { minFlips: 2, onFingerprint: false })).toEqual([]);
    expect(decideRegressionAlerts(8, 7, comparisons, { minFlips: 2, onFingerprint: true })).toHaveLength(1);
  });
});
