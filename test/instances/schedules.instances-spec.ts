// Two instances on one database run every schedule once, not once each: one of them leads (holds the
// PostgreSQL leader lock) and runs the probe rounds and the DCRS cron; killed with SIGKILL, it hands
// them to the other within two periods.
import { instancesDatabase, startInstance, stopInstances, type Instance } from '../setup/instances.js';
import { waitFor } from '../setup/waiting.js';

const PROBE_INTERVAL_MS = 500;
const ENV = {
  PROBE_INTERVAL_MS: String(PROBE_INTERVAL_MS),
  DCRS_CRON: '* * * * * *',
  DCRS_TIMEZONE: 'UTC',
  LEADER_CHECK_MS: '200',
  SIMULATE_PROVIDERS: 'true',
};
const LEADER_LINE = /is the leader: it runs the schedules/;
const DCRS_TICK_LINE = /Scheduled DCRS run (started|skipped)/;

afterAll(() => stopInstances());

/** The `time` (epoch ms) of a pino JSON line. */
function timeOf(line: string): number {
  return (JSON.parse(line) as { time: number }).time;
}

async function leaderGauge(instance: Instance): Promise<number> {
  const body = await (await fetch(`${instance.url}/metrics`)).text();
  const match = /^shawn_leader (\d+)/m.exec(body);
  if (!match) throw new Error(`no shawn_leader in /metrics of ${instance.name}`);
  return Number(match[1]);
}

/** Simulated liveness probe rows (evaluation rows have a case) per model name written in [from, to). */
async function probesPerModel(from: Date, to: Date): Promise<Map<string, number>> {
  const database = await instancesDatabase();
  const { rows } = await database.query<{ name: string; probes: string }>(
    `SELECT m.name, count(d.id) AS probes
       FROM models m LEFT JOIN daily_metrics d
         ON d.model_id = m.id AND d.kind = 'simulated' AND d.case_id IS NULL AND d.timestamp >= $1 AND d.timestamp < $2
      WHERE m.enabled GROUP BY m.name`,
    [from, to],
  );
  return new Map(rows.map((row) => [row.name, Number(row.probes)]));
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe('schedules with two instances on one database', () => {
  let leader: Instance;
  let follower: Instance;

  beforeAll(async () => {
    const [a, b] = await Promise.all([startInstance({ name: 'a', env: ENV }), startInstance({ name: 'b', env: ENV })]);
    await Promise.race([a.waitForLine(LEADER_LINE), b.waitForLine(LEADER_LINE)]);
    [leader, follower] = a.lines.some((line) => LEADER_LINE.test(line)) ? [a, b] : [b, a];
  }, 120_000);

  it('run on the leader only: each model is probed once per interval and DCRS runs once per date', async () => {
    expect(await leaderGauge(leader)).toBe(1);
    expect(await leaderGauge(follower)).toBe(0);
    expect(follower.lines.some((line) => LEADER_LINE.test(line))).toBe(false);

    const from = new Date();
    const windowMs = 6_000;
    await sleep(windowMs);
    const counts = await probesPerModel(from, new Date());

    const intervals = windowMs / PROBE_INTERVAL_MS;
    expect(counts.size).toBeGreaterThan(0);
    for (const [model, probes] of counts) {
      // A busy machine may skip a round (the previous one still going), never add one.
      expect({ model, probes: probes <= intervals + 1 }).toEqual({ model, probes: true });
      expect({ model, probes: probes >= intervals / 3 }).toEqual({ model, probes: true });
    }

    const database = await instancesDatabase();
    const { rows } = await database.query<{ date: string; runs: string }>(
      "SELECT date::text AS date, count(*) AS runs FROM dcrs_logs WHERE trigger = 'schedule' GROUP BY date",
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((row) => row.runs === '1')).toBe(true);
    // The cron fires every second, but only on the leader.
    expect(leader.lines.filter((line) => DCRS_TICK_LINE.test(line)).length).toBeGreaterThanOrEqual(3);
    expect(follower.lines.filter((line) => DCRS_TICK_LINE.test(line))).toEqual([]);
  }, 60_000);

  it('stop on a leader whose lock connection is cut, and go on under exactly one leader', async () => {
    const database = await instancesDatabase();
    const { rows } = await database.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
        WHERE application_name = 'shawn-brain-leader' AND datname = current_database()
          AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
    );
    expect(rows).toEqual([{ cut: true }]);
    await leader.waitForLine(/is no longer the leader/, 5_000);

    const gauges = await waitFor(
      'one leader again',
      async () => {
        const both = [await leaderGauge(leader), await leaderGauge(follower)];
        return both[0] + both[1] === 1 ? both : undefined;
      },
      5_000,
    );
    if (gauges[1] === 1) [leader, follower] = [follower, leader];
    expect(await leaderGauge(leader)).toBe(1);
  }, 30_000);

  it('pass to the other instance within two periods when the leader is killed with SIGKILL', async () => {
    const killedAt = Date.now();
    await leader.kill();

    // A leader line logged after the kill: the follower may have led before (the test above).
    const takeoverLine = await waitFor(
      'the follower to take the schedules over',
      () => Promise.resolve(follower.lines.find((line) => LEADER_LINE.test(line) && timeOf(line) >= killedAt)),
      10_000,
    );
    expect(timeOf(takeoverLine) - killedAt).toBeLessThanOrEqual(2 * PROBE_INTERVAL_MS);
    expect(await leaderGauge(follower)).toBe(1);

    // The new leader's rounds and cron ticks follow.
    const from = new Date(killedAt);
    await sleep(4_000);
    const to = new Date();
    const counts = await probesPerModel(from, to);
    const intervals = (to.getTime() - from.getTime()) / PROBE_INTERVAL_MS;
    for (const [model, probes] of counts) {
      expect({ model, probes: probes >= 1 && probes <= intervals + 2 }).toEqual({ model, probes: true });
    }
    expect(follower.lines.filter((line) => DCRS_TICK_LINE.test(line)).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
