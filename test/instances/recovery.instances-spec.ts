// Startup recovery with several instances: a DCRS run that a live instance is executing (its heartbeat
// fresh) is left alone by an instance that starts meanwhile and by the leader's periodic recovery;
// once its owner is killed, the heartbeat goes stale and the run is marked interrupted.
import { startEvaluationEnv, FAKE_MODELS, type EvaluationEnv } from '../setup/evaluation-env.js';
import { instancesDatabase, startInstance, stopInstances } from '../setup/instances.js';
import { waitFor } from '../setup/waiting.js';

const HEARTBEAT_MS = 200;
/** Each model answers this late: the run goes on for a while. */
const ANSWER_DELAY_MS = 15_000;

let evaluation: EvaluationEnv;

beforeAll(async () => {
  evaluation = await startEvaluationEnv();
  for (const model of Object.values(FAKE_MODELS)) {
    evaluation.fake.script(model, { kind: 'answer', text: 'alpha beta', delayMs: ANSWER_DELAY_MS });
  }
});

afterAll(async () => {
  await stopInstances();
  await evaluation.close();
});

interface RunRow {
  status: string;
  owner: string | null;
  heartbeat_at: Date | null;
  error: string | null;
}

async function runRow(id: number): Promise<RunRow> {
  const database = await instancesDatabase();
  const { rows } = await database.query<RunRow>(
    'SELECT status, owner, heartbeat_at, error FROM dcrs_logs WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw new Error(`no DCRS run ${id}`);
  return rows[0];
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('recovery of interrupted runs with several instances', () => {
  it("never interrupts a live instance's run, and interrupts it once its owner is killed", async () => {
    const env = {
      ...evaluation.env,
      PROVIDER_TIMEOUT_MS: String(ANSWER_DELAY_MS * 2),
      RUN_HEARTBEAT_MS: String(HEARTBEAT_MS),
      RUN_STALE_HEARTBEATS: '3',
      LEADER_CHECK_MS: '200',
    };
    const owner = await startInstance({ name: 'owner', env });
    const other = await startInstance({ name: 'other', env });

    const started = await fetch(`${owner.url}/api/dcrs/run`, { method: 'POST' });
    expect(started.status).toBe(202);
    const runId = ((await started.json()) as { run_id: number }).run_id;
    const before = await runRow(runId);
    expect(before.status).toBe('running');
    expect(before.owner).toMatch(new RegExp(`-${owner.pid}-[0-9a-f]{6}$`));

    // A restart of some instance while the run goes on: its startup recovery runs, and so does the
    // leader's periodic one, for many stale periods.
    const restarted = await startInstance({ name: 'restarted', env });
    await sleep(HEARTBEAT_MS * 3 * 4);
    const during = await runRow(runId);
    expect(during).toMatchObject({ status: 'running', owner: before.owner, error: null });
    expect(during.heartbeat_at!.getTime()).toBeGreaterThan(before.heartbeat_at!.getTime());

    await owner.kill();
    const after = await waitFor(
      'the dead owner run to be interrupted',
      async () => {
        const row = await runRow(runId);
        return row.status === 'running' ? undefined : row;
      },
      15_000,
    );
    expect(after.status).toBe('interrupted');
    expect(after.error).toMatch(/Interrupted/);
    const recoveredBy = [other, restarted].filter((instance) =>
      instance.lines.some((line) => line.includes('Marked 1 DCRS run(s) whose instance is gone as interrupted')),
    );
    expect(recoveredBy).toHaveLength(1);
  }, 120_000);
});
