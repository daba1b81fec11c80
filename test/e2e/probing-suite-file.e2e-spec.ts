// EVAL_SUITE_PATH is loaded and validated at start: a good JSON suite is the one evaluations run, and a
// bad file (JSON or YAML) stops the app with a message naming the file, the case and the field.
import request from 'supertest';
import { newAdminKey } from '../factories/keys.js';
import { writeSuiteFile } from '../factories/suites.js';
import { startTestApp } from '../setup/test-app.js';
import { createModel } from './probing.helpers.js';

const ADMIN = newAdminKey();

/** Starting must fail; returns the error's message. */
async function startupError(suitePath: string): Promise<string> {
  const started = await startTestApp({ env: { EVAL_SUITE_PATH: suitePath, SIMULATE_PROVIDERS: 'true' } }).then(
    async (t) => {
      await t.close();
      return null;
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (started === null) throw new Error(`the app started with the suite at ${suitePath}`);
  return started;
}

it('a JSON suite at EVAL_SUITE_PATH is the one evaluations run', async () => {
  const path = writeSuiteFile(
    'suite.json',
    JSON.stringify({
      name: 'json suite',
      cases: [
        { id: 'first', prompt: 'One?', assert: [{ type: 'contains', value: '1' }] },
        { id: 'second', prompt: 'Two?', assert: [{ type: 'regex', value: '^2$', flags: 'm', weight: 3 }] },
      ],
    }),
  );
  const t = await startTestApp({ env: { EVAL_SUITE_PATH: path, SIMULATE_PROVIDERS: 'true', ADMIN_API_KEY: ADMIN } });
  try {
    const model = await createModel(t, ADMIN, { name: 'Simulated', api_type: 'groq' });
    const res = await request(t.server).post(`/api/models/${model.id}/evaluate`).set('X-API-Key', ADMIN).expect(200);
    expect(res.body.cases.map((c: { case_id: string; total_weight: number }) => [c.case_id, c.total_weight])).toEqual([
      ['first', 1],
      ['second', 3],
    ]);
  } finally {
    await t.close();
  }
});

it('a JSON suite with bad cases stops the app, naming each case and field', async () => {
  const path = writeSuiteFile(
    'bad.json',
    JSON.stringify({
      name: 'bad suite',
      cases: [
        { id: 'fine', prompt: 'Hi', assert: [{ type: 'contains', value: 'hi' }] },
        { id: 'no-prompt', assert: [{ type: 'contains', value: 'x', weight: -1 }] },
        { id: 'odd-type', prompt: 'Hi', assert: [{ type: 'sounds-right' }] },
      ],
    }),
  );
  const message = await startupError(path);
  expect(message).toContain(`Invalid evaluation suite ${path}`);
  expect(message).toContain('cases[1] (id "no-prompt").prompt must be a non-empty string (got nothing)');
  expect(message).toContain('cases[1] (id "no-prompt").assert[0].weight must be a positive number (got -1)');
  expect(message).toContain(
    'cases[2] (id "odd-type").assert[0].type must be one of equals, contains, icontains, regex, is-json, max-latency-ms',
  );
  expect(message).not.toContain('cases[0]');
});

it('a YAML suite with a misspelt field or a bad regular expression stops the app', async () => {
  const path = writeSuiteFile(
    'bad.yaml',
    [
      'name: yaml suite',
      'cases:',
      '  - id: a',
      '    prompt: Hi',
      '    max_token: 5',
      '    assert:',
      '      - type: regex',
      '        value: "(unclosed"',
    ].join('\n'),
  );
  const message = await startupError(path);
  expect(message).toContain('cases[0] (id "a") has an unknown field "max_token"');
  expect(message).toContain('cases[0] (id "a").assert[0].value is not a valid regular expression');
});

it('a suite that is not valid YAML, or not there, stops the app', async () => {
  expect(await startupError(writeSuiteFile('broken.yml', 'name: [unclosed\ncases: {'))).toMatch(
    /the file is not valid YAML/,
  );
  expect(await startupError('/nonexistent/suite.json')).toMatch(
    /Invalid evaluation suite \/nonexistent\/suite\.json:\n {2}- the file cannot be read/,
  );
});
