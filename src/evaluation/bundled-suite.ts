// The suite used when EVAL_SUITE_PATH is not set: ten short cases that a good model answers reliably
// and that can be checked mechanically. Case ids are "<category>-<n>". Kept as a TypeScript constant so
// the compiled app and the tests find it without resolving a file path; it is still validated by
// parseSuite like any file. examples/eval-suite.example.yaml is the same suite in YAML, with the format
// documented, and a test keeps the two equal.

export const BUNDLED_SUITE_SOURCE = 'bundled suite';

export const BUNDLED_SUITE: unknown = {
  name: 'SHawn-Brain default suite',
  cases: [
    {
      id: 'arithmetic-1',
      prompt: 'What is 17 * 23? Answer with the number only.',
      max_tokens: 64,
      assert: [
        { type: 'contains', value: '391', weight: 2 },
        { type: 'equals', value: '391' },
      ],
    },
    {
      id: 'arithmetic-2',
      prompt: 'Pens cost 3 for $2. How many dollars do 12 pens cost? Answer with the number only.',
      max_tokens: 64,
      assert: [{ type: 'regex', value: '^\\s*\\$?8(\\.00)?\\s*$' }],
    },
    {
      id: 'factual-1',
      prompt: 'What is the capital city of Australia? Answer with the city name only.',
      assert: [{ type: 'icontains', value: 'canberra' }],
    },
    {
      id: 'instruction-1',
      prompt: 'What colour is a clear daytime sky? Answer with one word in capital letters and nothing else.',
      assert: [
        { type: 'icontains', value: 'blue' },
        { type: 'regex', value: '^\\s*[A-Z]+\\.?\\s*$', weight: 2 },
      ],
    },
    {
      id: 'json-1',
      prompt: 'Return a JSON object with "name" set to "Ada" and "year" set to 1815. Output only the JSON.',
      assert: [
        { type: 'is-json', weight: 2 },
        { type: 'contains', value: '"Ada"' },
        { type: 'regex', value: '"year"\\s*:\\s*1815' },
      ],
    },
    {
      id: 'code-1',
      prompt: 'Write a Python function is_even(n) that returns True when n is even. Output only the code.',
      assert: [
        { type: 'regex', value: 'def\\s+is_even\\s*\\(', weight: 2 },
        { type: 'contains', value: 'return' },
      ],
    },
    {
      id: 'korean-1',
      prompt: 'What is the Korean word for "thank you"? Answer in Hangul only.',
      assert: [
        { type: 'icontains', value: '감사' },
        { type: 'regex', value: '[가-힣]' },
      ],
    },
    {
      id: 'summary-1',
      system: 'You are a concise assistant.',
      prompt:
        "Summarise in one sentence: The Eiffel Tower was completed in 1889 for the World's Fair in Paris. " +
        'Artists first criticised it, but it became the best-known symbol of France.',
      assert: [
        { type: 'contains', value: 'Eiffel', weight: 2 },
        { type: 'max-latency-ms', value: 10000 },
      ],
    },
    {
      id: 'reasoning-1',
      prompt: 'Tom is older than Ann. Ann is older than Ben. Who is the youngest? Answer with the name only.',
      assert: [{ type: 'icontains', value: 'ben' }],
    },
    {
      id: 'reasoning-2',
      prompt:
        'All bloops are razzies and all razzies are lazzies. Are all bloops definitely lazzies? Answer yes or no.',
      assert: [{ type: 'regex', value: '^\\W*yes\\b', flags: 'i' }],
    },
  ],
};
