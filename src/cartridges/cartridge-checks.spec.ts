import type { CaseOutcome } from '../evaluation/suite.types.js';
import { MAX_CHECK_SET_CASES, modelChain, parseCheckSet, reportCheckRun } from './cartridge-checks.js';

const outcome = (id: string, score: number): CaseOutcome => ({
  case_id: id,
  passed_weight: score,
  total_weight: 1,
  score,
  latency_ms: 120,
  error_kind: null,
  assertions: [{ type: 'icontains', passed: score === 1 }],
});

describe('parseCheckSet', () => {
  it('accepts cases in the suite format and fills in the defaults', () => {
    const parsed = parseCheckSet([{ id: 'a', prompt: 'Say a', assert: [{ type: 'icontains', value: 'a' }] }]);
    expect(parsed).toEqual({
      ok: true,
      cases: [{ id: 'a', prompt: 'Say a', max_tokens: 256, assert: [{ type: 'icontains', value: 'a', weight: 1 }] }],
    });
  });

  it('names the case and the field of every problem, from check_set', () => {
    const parsed = parseCheckSet([
      { id: 'a', prompt: 'Say a', assert: [{ type: 'icontains', value: 'a' }] },
      { id: 'b', prompt: '', assert: [{ type: 'nope' }] },
    ]);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'check_set[1] (id "b").prompt must be a non-empty string (got "")',
        'check_set[1] (id "b").assert[0].type must be one of equals, contains, icontains, regex, is-json, max-latency-ms (got "nope")',
      ],
    });
  });

  it('refuses an empty list, a non-list and too many cases', () => {
    expect(parseCheckSet([])).toEqual({ ok: false, problems: ['check_set must be a non-empty array (got [])'] });
    expect(parseCheckSet('x')).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^check_set must be a non-empty array/)],
    });
    const many = Array.from({ length: MAX_CHECK_SET_CASES + 1 }, (_, i) => ({
      id: `c${i}`,
      prompt: 'p',
      assert: [{ type: 'is-json' }],
    }));
    expect(parseCheckSet(many)).toEqual({
      ok: false,
      problems: [`check_set must have at most ${MAX_CHECK_SET_CASES} cases (got 101)`],
    });
  });
});

describe('modelChain', () => {
  const routing = { primary: 'Gemini', fallbacks: ['Groq', 'Anthropic'] };

  it('without depends_on: the routing primary, then its fallbacks', () => {
    expect(modelChain(routing, null)).toEqual(['Gemini', 'Groq', 'Anthropic']);
  });

  it('with depends_on: its models in the routing order first, then the others as listed', () => {
    expect(modelChain(routing, ['OpenAI', 'Anthropic', 'Gemini'])).toEqual(['Gemini', 'Anthropic', 'OpenAI']);
  });

  it('no routing primary yet: depends_on alone, or nothing', () => {
    const none = { primary: null, fallbacks: [] };
    expect(modelChain(none, ['OpenAI', 'Groq'])).toEqual(['OpenAI', 'Groq']);
    expect(modelChain(none, null)).toEqual([]);
  });
});

describe('reportCheckRun', () => {
  it('every check passed on the first model: success, no fallback', () => {
    const report = reportCheckRun([], {
      model: 'OpenAI',
      outcomes: [outcome('a', 1), outcome('b', 1), outcome('c', 1)],
    });
    expect(report).toMatchObject({ success: true, modelUsed: 'OpenAI', summary: '3/3 checks passed on OpenAI' });
    expect(report.output.checks).toEqual([
      { id: 'a', passed: true, score: 1, latency_ms: 120 },
      { id: 'b', passed: true, score: 1, latency_ms: 120 },
      { id: 'c', passed: true, score: 1, latency_ms: 120 },
    ]);
  });

  it('fell back: the summary names the models passed over and why', () => {
    const report = reportCheckRun(
      [
        { model: 'OpenAI', reason: 'server_error' },
        { model: 'Anthropic', reason: 'timeout' },
      ],
      { model: 'Groq', outcomes: [outcome('a', 1)] },
    );
    expect(report).toMatchObject({
      success: true,
      modelUsed: 'Groq',
      summary: '1/1 checks passed on Groq (fell back from OpenAI: server_error, Anthropic: timeout)',
    });
  });

  it('a check that fails (even partly) fails the execution and is named', () => {
    const report = reportCheckRun([], { model: 'Groq', outcomes: [outcome('a', 1), outcome('b', 0.5)] });
    expect(report).toMatchObject({
      success: false,
      modelUsed: 'Groq',
      summary: '1/2 checks passed on Groq; failed: b',
    });
  });

  it('no model answered: failure without a model', () => {
    const report = reportCheckRun([{ model: 'OpenAI', reason: 'not_configured' }], null);
    expect(report).toMatchObject({
      success: false,
      modelUsed: null,
      summary: 'No model answered the checks (OpenAI: not_configured)',
    });
  });

  it('keeps the summary within the column', () => {
    const skipped = Array.from({ length: 200 }, (_, i) => ({
      model: `Model-${i}-with-a-long-name`,
      reason: 'server_error',
    }));
    expect(reportCheckRun(skipped, null).summary.length).toBeLessThanOrEqual(2000);
  });
});
