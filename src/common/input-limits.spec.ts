import { inputLimitProblem, MAX_INPUT_DEPTH, nestingDepth, nulCharacterAt } from './input-limits.js';

const nested = (depth: number, open = '[', close = ']'): unknown =>
  JSON.parse(`${open.repeat(depth)}1${close.repeat(depth)}`);

describe('how deeply a parsed value nests', () => {
  it('counts arrays and objects, side by side or inside each other; a scalar or nothing is 0', () => {
    expect(nestingDepth(undefined)).toBe(0);
    expect(nestingDepth('[[[')).toBe(0);
    expect(nestingDepth({ a: [1, 2], b: { c: [[]] } })).toBe(4);
    expect(nestingDepth([[1], [2], [3]])).toBe(2);
  });

  it('measures any depth without overflowing the stack, and stops once past the limit', () => {
    expect(nestingDepth(nested(50_000, '{"a":', '}'))).toBe(50_000);
    expect(nestingDepth(nested(10_000), 64)).toBe(65);
  });
});

describe('where a NUL character is', () => {
  it('names the field, the array item or the nested property that holds one', () => {
    expect(nulCharacterAt({ name: 'a\u0000b' })).toBe('name');
    expect(nulCharacterAt({ models: ['Gemini', '\u0000'] })).toBe('models[1]');
    expect(nulCharacterAt({ schedule: { cron: '0 * * * *', timezone: 'UTC\u0000' } })).toBe('schedule.timezone');
    expect(nulCharacterAt({ output: JSON.parse('{"\\u0000": 1}') })).toBe('output');
    expect(nulCharacterAt('\u0000')).toBe('');
  });

  it('finds none in other text, other control characters and scalars included', () => {
    expect(nulCharacterAt({ name: 'é💥\u0001\t', n: 0, b: false, x: null, list: [] })).toBeNull();
    expect(nulCharacterAt(undefined)).toBeNull();
  });
});

describe('the problem with a request part', () => {
  it('is none for an ordinary body', () => {
    expect(
      inputLimitProblem({ name: 'Groq', models: ['a'], output: nested(MAX_INPUT_DEPTH - 1) }, 'The body'),
    ).toBeNull();
  });

  it(`refuses nesting past ${MAX_INPUT_DEPTH} levels, before looking for NUL characters`, () => {
    expect(inputLimitProblem(nested(MAX_INPUT_DEPTH), 'The request body')).toBeNull();
    expect(inputLimitProblem({ output: nested(MAX_INPUT_DEPTH) }, 'The request body')).toBe(
      `The request body is nested deeper than ${MAX_INPUT_DEPTH} levels`,
    );
    expect(inputLimitProblem(nested(100_000, '["\\u0000",', ']'), 'The request body')).toMatch(/nested deeper/);
  });

  it('names the field with a NUL character, or the part when it is the value itself', () => {
    expect(inputLimitProblem({ name: 'Bio\u0000' }, 'The path')).toBe('name must not contain a NUL character (U+0000)');
    expect(inputLimitProblem('a\u0000', 'id')).toBe('id must not contain a NUL character (U+0000)');
  });
});
