// The manual-test queue of two instances on one database is one queue: requests to both at once share
// MANUAL_TEST_QUEUE_MAX, one run tests at a time, and a run queued on one instance is executed when
// the run under way ends, whichever instance holds it.
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { instancesDatabase, startInstance, stopInstances } from '../setup/instances.js';
import { waitFor } from '../setup/waiting.js';

let evaluation: EvaluationEnv;

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
});
afterAll(async () => {
  await stopInstances();
  await evaluation.close();
});

interface Accepted {
  status: string;
  run_id?: string;
  queue_position?: number;
}

describe('POST /api/manual-test on two instances', () => {
  it('shares the limit and the order: one testing, one queued, the rest 429; both runs complete', async () => {
    evaluation.fake.script(FAKE_MODELS.Anthropic, { kind: 'answer', text: 'alpha', delayMs: 800 });
    const env = { ...evaluation.env, MANUAL_TEST_QUEUE_MAX: '1' };
    const [a, b] = await Promise.all([startInstance({ name: 'a', env }), startInstance({ name: 'b', env })]);

    const post = (url: string) =>
      fetch(`${url}/api/manual-test`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ models: ['Anthropic'] }),
      });
    const responses = await Promise.all([a, b, a, b].map((instance) => post(instance.url)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Accepted[];
    const outcomes = responses.map((r, i) => (r.status === 202 ? bodies[i].status : String(r.status))).sort();
    expect(outcomes).toEqual(['429', '429', 'queued', 'testing']);
    expect(bodies.find((body) => body.status === 'queued')?.queue_position).toBe(1);

    const database = await instancesDatabase();
    const accepted = bodies.filter((body) => body.run_id !== undefined).map((body) => body.run_id!);
    const finished = await waitFor(
      'both runs to complete',
      async () => {
        const { rows } = await database.query<{ status: string; start_time: Date; end_time: Date | null }>(
          'SELECT status, start_time, end_time FROM manual_test_runs WHERE id = ANY($1) ORDER BY start_time',
          [accepted],
        );
        return rows.length === 2 && rows.every((row) => row.status === 'completed') ? rows : undefined;
      },
      30_000,
    );
    // One at a time: the second started once the first had ended.
    expect(finished[1].start_time.getTime()).toBeGreaterThanOrEqual(finished[0].end_time!.getTime());
  }, 120_000);
});
