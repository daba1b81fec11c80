// Two instances on one database, a POST /api/dcrs/run to each at the same instant: one run opens (202),
// the other is refused (409), whichever instance wins; never two runs going.
import { FAKE_MODELS, startEvaluationEnv, type EvaluationEnv } from '../setup/evaluation-env.js';
import { instancesDatabase, startInstance, stopInstances } from '../setup/instances.js';

let evaluation: EvaluationEnv;

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
});
afterAll(async () => {
  await stopInstances();
  await evaluation.close();
});

describe('POST /api/dcrs/run on two instances at once', () => {
  it('gives one 202 and one 409, and one run is stored', async () => {
    // Slow answers keep the winning run going while the other request arrives.
    evaluation.fake.script(FAKE_MODELS.OpenAI, { kind: 'answer', text: 'alpha beta', delayMs: 1500 });
    const [a, b] = await Promise.all([
      startInstance({ name: 'a', env: evaluation.env }),
      startInstance({ name: 'b', env: evaluation.env }),
    ]);

    const responses = await Promise.all(
      [a, b].map((instance) => fetch(`${instance.url}/api/dcrs/run`, { method: 'POST' })),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Record<string, unknown>[];
    expect(responses.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(bodies.find((_, i) => responses[i].status === 409)).toMatchObject({
      message: 'A DCRS run is already going',
    });

    const database = await instancesDatabase();
    const { rows } = await database.query<{ id: number; status: string }>('SELECT id, status FROM dcrs_logs');
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(bodies.find((_, i) => responses[i].status === 202)!['run_id']);
  }, 120_000);
});
