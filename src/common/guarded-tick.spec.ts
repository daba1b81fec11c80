import { guardTick } from './guarded-tick.js';
import { Leadership } from './leadership.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Keeps what is logged; `errorLogged` settles at the first error line. */
function recordingLogger() {
  const lines: { level: 'warn' | 'error'; message: unknown; detail: unknown }[] = [];
  const firstError = deferred();
  return {
    lines,
    errorLogged: firstError.promise,
    warn: (message: unknown, detail?: unknown) => void lines.push({ level: 'warn', message, detail }),
    error: (message: unknown, detail?: unknown) => {
      lines.push({ level: 'error', message, detail });
      firstError.resolve();
    },
  };
}

describe('guardTick', () => {
  it('skips and logs a tick that comes while the previous one runs, then runs the next one', async () => {
    const logger = recordingLogger();
    const gates = [deferred(), deferred()];
    let calls = 0;
    const tick = guardTick('sweep', () => gates[calls++].promise, { logger, leadership: null });

    const first = tick();
    await tick();
    expect(calls).toBe(1);
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'sweep: the previous tick is still running; this one is skipped', detail: undefined },
    ]);

    gates[0].resolve();
    await first;
    const third = tick();
    expect(calls).toBe(2);
    gates[1].resolve();
    await third;
    expect(logger.lines).toHaveLength(1);
  });

  it('logs a failing tick instead of rejecting, and lets the next one run', async () => {
    const logger = recordingLogger();
    const failure = new Error('database gone');
    let calls = 0;
    const tick = guardTick(
      'reminders',
      () => {
        calls++;
        return Promise.reject(failure);
      },
      { logger, leadership: null },
    );

    await expect(tick()).resolves.toBeUndefined();
    await expect(tick()).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(logger.lines).toEqual([
      { level: 'error', message: { err: failure }, detail: 'reminders failed' },
      { level: 'error', message: { err: failure }, detail: 'reminders failed' },
    ]);
  });

  it('logs a tick that throws before returning a promise', async () => {
    const logger = recordingLogger();
    const failure = new Error('not a promise');
    const tick = guardTick(
      'broken',
      () => {
        throw failure;
      },
      { logger, leadership: null },
    );

    await expect(tick()).resolves.toBeUndefined();
    expect(logger.lines).toEqual([{ level: 'error', message: { err: failure }, detail: 'broken failed' }]);
  });

  it('gives up a tick that hangs past the timeout so that the next one runs, and still logs its late failure', async () => {
    const logger = recordingLogger();
    const hung = deferred();
    let calls = 0;
    const tick = guardTick(
      'model_update',
      () => {
        calls++;
        return calls === 1 ? hung.promise : Promise.resolve();
      },
      { logger, timeoutMs: 20, leadership: null },
    );

    await tick();
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'model_update took over 20 ms; later ticks go ahead', detail: undefined },
    ]);
    await tick();
    expect(calls).toBe(2);

    const late = new Error('late');
    hung.reject(late);
    await logger.errorLogged;
    expect(logger.lines[1]).toEqual({ level: 'error', message: { err: late }, detail: 'model_update failed' });
  });

  it('does not time out a tick that finishes in time', async () => {
    const logger = recordingLogger();
    const tick = guardTick('quick', () => Promise.resolve(), { logger, timeoutMs: 10_000, leadership: null });
    await tick();
    expect(logger.lines).toEqual([]);
  });

  it('runs a leader-only tick while this instance leads, and skips it silently while another does', async () => {
    const logger = recordingLogger();
    class SwitchedLeadership extends Leadership {
      leader = false;
      isLeader(): boolean {
        return this.leader;
      }
    }
    const leadership = new SwitchedLeadership();
    let calls = 0;
    const tick = guardTick('probe-models', () => Promise.resolve(void calls++), { logger, leadership });

    await tick();
    expect(calls).toBe(0);
    leadership.leader = true;
    await tick();
    expect(calls).toBe(1);
    leadership.leader = false;
    await tick();
    expect(calls).toBe(1);
    expect(logger.lines).toEqual([]);
  });
});
