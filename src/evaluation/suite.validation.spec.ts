import { parseSuite, SuiteValidationError } from './suite.validation.js';

type RawCase = Record<string, unknown>;

function validCase(id: string, overrides: RawCase = {}): RawCase {
  return { id, prompt: `Prompt for ${id}`, assert: [{ type: 'contains', value: 'x' }], ...overrides };
}

function suiteWith(...cases: unknown[]): unknown {
  return { name: 'test suite', cases };
}

/** The problems parseSuite reports; fails the test if it accepts the suite. */
function problemsOf(raw: unknown): readonly string[] {
  try {
    parseSuite(raw, 'suite.yaml');
  } catch (error) {
    if (error instanceof SuiteValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected parseSuite to refuse the suite');
}

describe('parseSuite', () => {
  describe('a valid suite', () => {
    it('fills in the default max_tokens and weights', () => {
      const suite = parseSuite(suiteWith(validCase('factual-1')), 'suite.yaml');
      expect(suite).toEqual({
        name: 'test suite',
        cases: [
          {
            id: 'factual-1',
            prompt: 'Prompt for factual-1',
            max_tokens: 256,
            assert: [{ type: 'contains', value: 'x', weight: 1 }],
          },
        ],
      });
    });

    it('keeps every assertion type with its value, flags, weight and the system prompt', () => {
      const assertions = [
        { type: 'equals', value: '391', weight: 2 },
        { type: 'contains', value: '391', weight: 0.5 },
        { type: 'icontains', value: 'canberra' },
        { type: 'regex', value: '^yes', flags: 'i' },
        { type: 'is-json' },
        { type: 'max-latency-ms', value: 1500.5 },
      ];
      const suite = parseSuite(
        suiteWith(validCase('mixed-1', { system: 'Be brief.', max_tokens: 64, assert: assertions })),
        'x.json',
      );
      expect(suite.cases[0]).toEqual({
        id: 'mixed-1',
        prompt: 'Prompt for mixed-1',
        system: 'Be brief.',
        max_tokens: 64,
        assert: [
          { type: 'equals', value: '391', weight: 2 },
          { type: 'contains', value: '391', weight: 0.5 },
          { type: 'icontains', value: 'canberra', weight: 1 },
          { type: 'regex', value: '^yes', flags: 'i', weight: 1 },
          { type: 'is-json', weight: 1 },
          { type: 'max-latency-ms', value: 1500.5, weight: 1 },
        ],
      });
    });
  });

  describe('a bad file is refused with the case and the field named', () => {
    it('an unknown assertion type names the case index, its id and the assertion', () => {
      const raw = suiteWith(
        validCase('a'),
        validCase('b'),
        validCase('c'),
        validCase('json-1', { assert: [{ type: 'json' }] }),
      );
      expect(problemsOf(raw)).toEqual([
        'cases[3] (id "json-1").assert[0].type must be one of equals, contains, icontains, regex, is-json, max-latency-ms (got "json")',
      ]);
    });

    it('a case without an id is named by its index alone', () => {
      expect(problemsOf(suiteWith({ prompt: 'hi', assert: [{ type: 'is-json' }] }))).toEqual([
        'cases[0].id must be a non-empty string (got nothing)',
      ]);
    });

    it('duplicate ids name both cases', () => {
      expect(problemsOf(suiteWith(validCase('code-1'), validCase('other'), validCase('code-1')))).toEqual([
        'cases[2] (id "code-1").id duplicates cases[0]; case ids must be unique',
      ]);
    });

    it.each([0, -5, 1.5, '256'])('max_tokens %p is not a positive integer', (maxTokens) => {
      expect(problemsOf(suiteWith(validCase('k', { max_tokens: maxTokens })))).toEqual([
        `cases[0] (id "k").max_tokens must be a positive integer (got ${JSON.stringify(maxTokens)})`,
      ]);
    });

    it.each([0, -1, '2', null])('weight %p is not a positive number', (weight) => {
      expect(problemsOf(suiteWith(validCase('w', { assert: [{ type: 'contains', value: 'x', weight }] })))).toEqual([
        `cases[0] (id "w").assert[0].weight must be a positive number (got ${JSON.stringify(weight)})`,
      ]);
    });

    it('a regex that does not compile is refused with the reason', () => {
      const [problem] = problemsOf(suiteWith(validCase('r', { assert: [{ type: 'regex', value: 'def (' }] })));
      expect(problem).toMatch(/^cases\[0\] \(id "r"\)\.assert\[0\]\.value is not a valid regular expression: .+/);
    });

    it('regex flags must be valid', () => {
      expect(problemsOf(suiteWith(validCase('r', { assert: [{ type: 'regex', value: 'x', flags: 'iq' }] })))).toEqual([
        'cases[0] (id "r").assert[0].flags "iq" are not valid RegExp flags',
      ]);
    });

    it.each([0, -100, 'fast', undefined])('max-latency-ms value %p is not a positive number', (value) => {
      const described = value === undefined ? 'nothing' : JSON.stringify(value);
      expect(problemsOf(suiteWith(validCase('l', { assert: [{ type: 'max-latency-ms', value }] })))).toEqual([
        `cases[0] (id "l").assert[0].value must be a positive number (got ${described})`,
      ]);
    });

    it('is-json takes no value', () => {
      expect(problemsOf(suiteWith(validCase('j', { assert: [{ type: 'is-json', value: true }] })))).toEqual([
        'cases[0] (id "j").assert[0] (is-json) has an unknown field "value" (expected type, weight)',
      ]);
    });

    it('a number where text is expected gets a hint about YAML quoting', () => {
      expect(problemsOf(suiteWith(validCase('n', { assert: [{ type: 'equals', value: 391 }] })))).toEqual([
        'cases[0] (id "n").assert[0].value must be a non-empty string (got 391; quote numbers and booleans in YAML)',
      ]);
    });

    it('a misspelt field is refused rather than ignored', () => {
      expect(problemsOf(suiteWith(validCase('t', { max_token: 64 })))).toEqual([
        'cases[0] (id "t") has an unknown field "max_token" (expected id, prompt, system, max_tokens, assert)',
      ]);
    });

    it('a case needs a prompt and at least one assertion', () => {
      expect(problemsOf(suiteWith({ id: 'empty', prompt: '  ', assert: [] }))).toEqual([
        'cases[0] (id "empty").prompt must be a non-empty string (got "  ")',
        'cases[0] (id "empty").assert must be a non-empty array of assertions (got [])',
      ]);
    });

    it('the suite needs a name and at least one case', () => {
      expect(problemsOf({ cases: [] })).toEqual([
        'name must be a non-empty string (got nothing)',
        'cases must be a non-empty array (got [])',
      ]);
    });

    it.each([null, [], 'name: x'])('a document that is not an object (%p) is refused', (raw) => {
      expect(problemsOf(raw)).toEqual([expect.stringMatching(/^the suite must be an object with "name" and "cases"/)]);
    });
  });

  it('lists every problem in every case at once, and the message names the source', () => {
    const raw = suiteWith(
      validCase('ok-1'),
      validCase('bad-1', { max_tokens: 0 }),
      'not a case',
      validCase('bad-2', { assert: [{ type: 'contains', value: 'x', weight: -1 }, { type: 'nope' }] }),
    );
    let error: unknown;
    try {
      parseSuite(raw, 'suites/mine.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SuiteValidationError);
    const { problems, message } = error as SuiteValidationError;
    expect(problems).toEqual([
      'cases[1] (id "bad-1").max_tokens must be a positive integer (got 0)',
      'cases[2] must be an object with "id", "prompt" and "assert" (got "not a case")',
      'cases[3] (id "bad-2").assert[0].weight must be a positive number (got -1)',
      'cases[3] (id "bad-2").assert[1].type must be one of equals, contains, icontains, regex, is-json, max-latency-ms (got "nope")',
    ]);
    expect(message).toBe(`Invalid evaluation suite suites/mine.yaml:\n  - ${problems.join('\n  - ')}`);
  });
});
