import { fileURLToPath } from 'node:url';
import { scoreCase, scoreModel } from './scoring.js';
import { loadBundledSuite, loadSuiteFile } from './suite.loader.js';

const CATEGORIES = ['arithmetic', 'factual', 'instruction', 'json', 'code', 'korean', 'summary', 'reasoning'];
// What a good model answers, in the shapes models really use (a fenced JSON block, a trailing period).
const GOOD_ANSWERS: Readonly<Record<string, string>> = {
  'arithmetic-1': '391',
  'arithmetic-2': '8',
  'factual-1': 'Canberra',
  'instruction-1': 'BLUE',
  'json-1': '```json\n{"name": "Ada", "year": 1815}\n```',
  'code-1': 'def is_even(n):\n    return n % 2 == 0',
  'korean-1': '감사합니다',
  'summary-1':
    "The Eiffel Tower, built in 1889 for Paris's World's Fair, went from criticised to France's best-known symbol.",
  'reasoning-1': 'Ben',
  'reasoning-2': 'Yes.',
};

const EXAMPLE_PATH = fileURLToPath(new URL('../../examples/eval-suite.example.yaml', import.meta.url));

describe('the bundled suite', () => {
  const suite = loadBundledSuite();

  it('has exactly ten cases with unique ids', () => {
    expect(suite.cases).toHaveLength(10);
    expect(new Set(suite.cases.map((evalCase) => evalCase.id)).size).toBe(10);
  });

  it('covers every category, named by the id prefix', () => {
    const categories = new Set(suite.cases.map((evalCase) => evalCase.id.replace(/-\d+$/, '')));
    expect([...categories].sort()).toEqual([...CATEGORIES].sort());
  });

  it('uses every assertion type somewhere', () => {
    const types = new Set(suite.cases.flatMap((evalCase) => evalCase.assert.map((assertion) => assertion.type)));
    expect([...types].sort()).toEqual(['contains', 'equals', 'icontains', 'is-json', 'max-latency-ms', 'regex']);
  });

  it('is what examples/eval-suite.example.yaml documents', async () => {
    await expect(loadSuiteFile(EXAMPLE_PATH)).resolves.toEqual(suite);
  });

  it('a good model with good answers scores 10', () => {
    const outcomes = suite.cases.map((evalCase) =>
      scoreCase(evalCase, { output: GOOD_ANSWERS[evalCase.id] ?? null, latency_ms: 800, error_kind: null }),
    );
    expect(outcomes.filter((outcome) => outcome.score < 1).map((outcome) => outcome.case_id)).toEqual([]);
    expect(scoreModel(outcomes)).toBe(10);
  });

  it('a model that answers everything with a refusal scores at most the latency weight', () => {
    const outcomes = suite.cases.map((evalCase) =>
      scoreCase(evalCase, { output: "I'm sorry, I can't help with that.", latency_ms: 800, error_kind: null }),
    );
    expect(scoreModel(outcomes)).toBeLessThanOrEqual(0.5);
  });
});
