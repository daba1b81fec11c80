import { scoreCase, scoreModel } from './scoring.js';
import type { CaseCallResult, EvalCase } from './suite.types.js';

const arithmetic: EvalCase = {
  id: 'arithmetic-1',
  prompt: 'What is 17 * 23? Answer with the number only.',
  max_tokens: 256,
  assert: [
    { type: 'contains', value: '391', weight: 3 },
    { type: 'equals', value: '391', weight: 1 },
    { type: 'max-latency-ms', value: 1000, weight: 1 },
  ],
};

function answered(output: string, latencyMs = 200): CaseCallResult {
  return { output, latency_ms: latencyMs, error_kind: null };
}

describe('scoreCase', () => {
  it('scores 1 when every assertion passes and records each one', () => {
    const outcome = scoreCase(arithmetic, answered('391'));
    expect(outcome).toEqual({
      case_id: 'arithmetic-1',
      passed_weight: 5,
      total_weight: 5,
      score: 1,
      latency_ms: 200,
      error_kind: null,
      assertions: [
        { type: 'contains', passed: true },
        { type: 'equals', passed: true },
        { type: 'max-latency-ms', passed: true },
      ],
    });
  });

  it('counts passed weight, not passed assertions', () => {
    const outcome = scoreCase(arithmetic, answered('17 * 23 = 391'));
    expect(outcome.passed_weight).toBe(4);
    expect(outcome.total_weight).toBe(5);
    expect(outcome.score).toBeCloseTo(0.8, 10);
  });

  it('a correct but slow answer loses only the latency weight', () => {
    const outcome = scoreCase(arithmetic, answered('391', 1500));
    expect(outcome.passed_weight).toBe(4);
    expect(outcome.assertions.map((assertion) => assertion.passed)).toEqual([true, true, false]);
    expect(outcome.latency_ms).toBe(1500);
  });

  it('a wrong but fast answer keeps only the latency weight', () => {
    expect(scoreCase(arithmetic, answered('401')).score).toBeCloseTo(0.2, 10);
  });

  it('a wrong and slow answer scores 0', () => {
    expect(scoreCase(arithmetic, answered('401', 5000)).score).toBe(0);
  });

  it('an errored call passes nothing, not even a latency limit it met', () => {
    const outcome = scoreCase(arithmetic, { output: null, latency_ms: 30, error_kind: 'timeout' });
    expect(outcome.score).toBe(0);
    expect(outcome.passed_weight).toBe(0);
    expect(outcome.total_weight).toBe(5);
    expect(outcome.error_kind).toBe('timeout');
    expect(outcome.assertions.every((assertion) => !assertion.passed)).toBe(true);
  });

  it('an error kind wins over partial output', () => {
    const outcome = scoreCase(arithmetic, { output: '391', latency_ms: 30, error_kind: 'http_500' });
    expect(outcome.score).toBe(0);
  });
});

describe('scoreModel', () => {
  it('is 10 × the mean case score: 1, 0.5 and 0 make 5.0', () => {
    expect(scoreModel([{ score: 1 }, { score: 0.5 }, { score: 0 }])).toBe(5);
  });

  it('rounds to one decimal', () => {
    expect(scoreModel([{ score: 1 }, { score: 1 }, { score: 0 }])).toBe(6.7);
    expect(scoreModel([{ score: 0.8 }, { score: 0.45 }])).toBe(6.3);
  });

  it('is 10 when every case passes', () => {
    expect(scoreModel([{ score: 1 }, { score: 1 }])).toBe(10);
  });

  it('is 0 for a run with no cases', () => {
    expect(scoreModel([])).toBe(0);
  });

  it('is 0 when every call errored', () => {
    const errored = { output: null, latency_ms: 10, error_kind: 'connection_refused' };
    expect(scoreModel([scoreCase(arithmetic, errored), scoreCase(arithmetic, errored)])).toBe(0);
  });
});
