import { AvailabilityTracker } from './database-availability.js';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function recordingLogger() {
  const lines: { level: 'warn' | 'log'; parts: unknown[] }[] = [];
  return {
    lines,
    warn: (...parts: unknown[]) => void lines.push({ level: 'warn', parts }),
    log: (...parts: unknown[]) => void lines.push({ level: 'log', parts }),
  };
}

/** A ping that fails while `down` is true, and counts its calls. */
function switchablePing() {
  const state = { down: true, calls: 0 };
  const ping = () => {
    state.calls += 1;
    return state.down ? Promise.reject(refused()) : Promise.resolve();
  };
  return { state, ping };
}

describe('AvailabilityTracker', () => {
  let tracker: AvailabilityTracker | undefined;
  afterEach(() => tracker?.stop());

  it('is available until an error says the database is unreachable; other errors change nothing', () => {
    const logger = recordingLogger();
    tracker = new AvailabilityTracker(switchablePing().ping, 50, logger);
    expect(tracker.available).toBe(true);
    expect(tracker.noteFailure(new Error('duplicate key value'))).toBe(false);
    expect(tracker.available).toBe(true);
    expect(tracker.noteFailure(refused())).toBe(true);
    expect(tracker.available).toBe(false);
  });

  it('warns once per outage however many failures come, and says once when the database answers again', async () => {
    const logger = recordingLogger();
    const { state, ping } = switchablePing();
    tracker = new AvailabilityTracker(ping, 20, logger);
    for (let i = 0; i < 5; i++) tracker.noteFailure(refused());
    const back = tracker.whenAvailable();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(state.calls).toBeGreaterThan(1); // it keeps checking while down
    expect(tracker.available).toBe(false);

    state.down = false;
    await back;
    expect(tracker.available).toBe(true);
    expect(logger.lines.map((line) => line.level)).toEqual(['warn', 'log']);
    expect(logger.lines[0].parts[0]).toEqual({ code: 'ECONNREFUSED', reason: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(String(logger.lines[1].parts[0])).toMatch(/^The database answers again after \d+\.\d s$/);

    const callsWhenBack = state.calls;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(state.calls).toBe(callsWhenBack); // no checking while it answers
  });

  it('waits longer between checks, up to the maximum', async () => {
    const times: number[] = [];
    tracker = new AvailabilityTracker(
      () => {
        times.push(performance.now());
        return Promise.reject(refused());
      },
      200,
      recordingLogger(),
    );
    tracker.noteFailure(refused());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    // 100, 200, 200, ... (the first pause is 100 ms, then doubled and capped)
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps[0]).toBeGreaterThanOrEqual(190);
    expect(Math.max(...gaps)).toBeLessThan(400);
  });

  it('answers whenAvailable at once while up, and lets waiters go when it stops', async () => {
    tracker = new AvailabilityTracker(switchablePing().ping, 50, recordingLogger());
    await expect(tracker.whenAvailable()).resolves.toBeUndefined();
    tracker.noteFailure(refused());
    const waiting = tracker.whenAvailable();
    tracker.stop();
    await expect(waiting).resolves.toBeUndefined();
    expect(tracker.available).toBe(false);
  });
});
