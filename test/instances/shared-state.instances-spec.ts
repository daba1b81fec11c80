// What two instances keep in step through Redis: the rate limits (one budget per client, whichever
// instance answers) and admin changes (a cartridge schedule created on one is in effect on the other
// within a second, and the other runs it once it leads).
import { newAdminKey } from '../factories/keys.js';
import { ALPHA_BETA_CASES } from '../factories/suites.js';
import { instancesDatabase, startInstance, stopInstances, type Instance } from '../setup/instances.js';

const ADMIN = newAdminKey();
const READ_LIMIT = 10;
const ENV = {
  ADMIN_API_KEY: ADMIN,
  RATE_LIMIT_READS: String(READ_LIMIT),
  LEADER_CHECK_MS: '200',
  SIMULATE_PROVIDERS: 'true',
};
const LEADER_LINE = /is the leader: it runs the schedules/;
const APPLIED_LINE = /Applied a cartridge change from another instance/;

afterAll(() => stopInstances());

describe('shared state with two instances', () => {
  let leader: Instance;
  let follower: Instance;

  beforeAll(async () => {
    const [a, b] = await Promise.all([startInstance({ name: 'a', env: ENV }), startInstance({ name: 'b', env: ENV })]);
    await Promise.race([a.waitForLine(LEADER_LINE), b.waitForLine(LEADER_LINE)]);
    [leader, follower] = a.lines.some((line) => LEADER_LINE.test(line)) ? [a, b] : [b, a];
  }, 120_000);

  it('a burst of reads split across both instances meets the read limit as a whole', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2 * READ_LIMIT; i += 1) {
      const instance = i % 2 === 0 ? leader : follower;
      statuses.push((await fetch(`${instance.url}/api/models`)).status);
    }
    expect(statuses.slice(0, READ_LIMIT)).toEqual(Array<number>(READ_LIMIT).fill(200));
    expect(statuses.slice(READ_LIMIT)).toEqual(Array<number>(READ_LIMIT).fill(429));
    // Writes have their own budget, shared too, and untouched by the reads.
    const write = await fetch(`${follower.url}/api/cartridges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': ADMIN },
      body: JSON.stringify({ name: 'Limit-Check' }),
    });
    expect(write.status).toBe(201);
  }, 30_000);

  it('a cartridge schedule created on the leader is in effect on the other instance within a second', async () => {
    const before = follower.lines.filter((line) => APPLIED_LINE.test(line)).length;
    const created = await fetch(`${leader.url}/api/cartridges`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': ADMIN },
      body: JSON.stringify({
        name: 'Every-Minute',
        schedule: { cron: '* * * * *' },
        check_set: ALPHA_BETA_CASES,
      }),
    });
    expect(created.status).toBe(201);
    const answeredAt = Date.now();
    const line = await follower.waitForLine(APPLIED_LINE, 5_000);
    expect((JSON.parse(line) as { time: number }).time - answeredAt).toBeLessThan(1_000);
    expect(follower.lines.filter((seen) => APPLIED_LINE.test(seen))).toHaveLength(before + 1);

    // The follower has the job: once the leader is gone, it leads and runs the cartridge itself.
    await leader.stop();
    const stoppedAt = new Date();
    await follower.waitForLine(LEADER_LINE, 10_000);
    const database = await instancesDatabase();
    const deadline = Date.now() + 75_000;
    let runs = 0;
    while (runs === 0 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 500));
      const { rows } = await database.query<{ runs: string }>(
        `SELECT count(*) AS runs FROM cartridge_executions e JOIN cartridges c ON c.id = e.cartridge_id
          WHERE c.name = 'Every-Minute' AND e.started_at >= $1`,
        [stoppedAt],
      );
      runs = Number(rows[0]?.runs ?? 0);
    }
    expect(runs).toBe(1);
  }, 120_000);
});
