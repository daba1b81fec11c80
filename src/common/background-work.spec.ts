import { BackgroundWork, SerialQueue } from './background-work.js';

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function recordingLogger() {
  const errors: { message: unknown; detail: unknown }[] = [];
  return { errors, error: (message: unknown, detail?: unknown) => void errors.push({ message, detail }) };
}

/** Whether `promise` has settled by the time every pending callback has run. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise.then(() => true), new Promise((r) => setImmediate(r, pending))])) !== pending;
}

describe('BackgroundWork', () => {
  it('drain() waits for running work, including work started while it waits', async () => {
    const work = new BackgroundWork(recordingLogger());
    const first = deferred();
    const second = deferred();
    work.run('first', () => first.promise);
    expect(work.busy).toBe(true);

    const drained = work.drain();
    work.run('second', () => second.promise);
    first.resolve();
    expect(await isSettled(drained)).toBe(false);
    second.resolve();
    await drained;
    expect(work.busy).toBe(false);
  });

  it('run() logs a failure under its name and context instead of rejecting anything', async () => {
    const logger = recordingLogger();
    const work = new BackgroundWork(logger);
    const failure = new Error('provider down');
    const gate = deferred();
    work.run('DCRS run 7', () => gate.promise, { runId: 7 });
    work.run('broken', () => {
      throw failure;
    });
    gate.reject(failure);
    await work.drain();
    expect(logger.errors).toEqual([
      { message: { err: failure }, detail: 'broken failed' },
      { message: { err: failure, runId: 7 }, detail: 'DCRS run 7 failed' },
    ]);
  });

  it('isRunning() names the work under way until it settles', async () => {
    const work = new BackgroundWork(recordingLogger());
    const gate = deferred();
    work.run('cartridge 3', () => gate.promise);
    expect(work.isRunning('cartridge 3')).toBe(true);
    expect(work.isRunning('cartridge 4')).toBe(false);
    gate.resolve();
    await work.drain();
    expect(work.isRunning('cartridge 3')).toBe(false);
  });

  it('track() hands the caller its result or failure as it is, logs nothing, and drain() waits for it', async () => {
    const logger = recordingLogger();
    const work = new BackgroundWork(logger);
    const answer = deferred<number>();
    const failing = deferred<number>();
    const tracked = work.track(answer.promise);
    const rejected = work.track(failing.promise);
    const drained = work.drain();

    answer.resolve(42);
    expect(await tracked).toBe(42);
    expect(await isSettled(drained)).toBe(false);
    const failure = new Error('channel removed');
    failing.reject(failure);
    await expect(rejected).rejects.toBe(failure);
    await drained;
    expect(logger.errors).toEqual([]);
  });

  it('drain() with nothing running settles at once', async () => {
    await expect(new BackgroundWork(recordingLogger()).drain()).resolves.toBeUndefined();
  });
});

describe('SerialQueue', () => {
  it('runs one job at a time in the order queued; size counts the running one and those waiting', async () => {
    const queue = new SerialQueue(recordingLogger());
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const jobs = gates.map((gate, i) =>
      queue.push(`job ${i}`, async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    expect(started).toEqual([0]);
    expect(queue.size).toBe(3);

    gates[1].resolve();
    expect(await isSettled(jobs[1])).toBe(false);
    expect(started).toEqual([0]);

    gates[0].resolve();
    await jobs[1];
    expect(started).toEqual([0, 1, 2]);
    expect(queue.size).toBe(1);
    gates[2].resolve();
    await queue.drain();
    expect(queue.size).toBe(0);
  });

  it('logs a failing job and goes on with the next; the job promise never rejects', async () => {
    const logger = recordingLogger();
    const queue = new SerialQueue(logger);
    const failure = new Error('database gone');
    const ran: string[] = [];
    const failed = queue.push('Applying alert rules', () => Promise.reject(failure), { source: 'model.state_changed' });
    const next = queue.push('Applying alert rules', async () => {
      ran.push('sweep');
      await Promise.resolve();
    });
    await expect(failed).resolves.toBeUndefined();
    await next;
    expect(ran).toEqual(['sweep']);
    expect(logger.errors).toEqual([
      { message: { err: failure, source: 'model.state_changed' }, detail: 'Applying alert rules failed' },
    ]);
  });

  it('a job that throws before returning a promise is logged like any failure, and the queue goes on', async () => {
    const logger = recordingLogger();
    const queue = new SerialQueue(logger);
    const failure = new Error('thrown at once');
    const thrown = queue.push('broken', () => {
      throw failure;
    });
    await thrown;
    await queue.drain();
    let ran = false;
    await queue.push('next', () => {
      ran = true;
      return Promise.resolve();
    });
    expect(ran).toBe(true);
    expect(queue.size).toBe(0);
    expect(logger.errors).toEqual([{ message: { err: failure }, detail: 'broken failed' }]);
  });

  it('drain() waits for jobs queued while it waits, and for a queue that ran dry and started again', async () => {
    const queue = new SerialQueue(recordingLogger());
    const first = deferred();
    const second = deferred();
    void queue.push('first', () => first.promise);
    const drained = queue.drain();
    first.resolve();
    void queue.push('second', () => second.promise);
    expect(await isSettled(drained)).toBe(false);
    second.resolve();
    await drained;
    expect(queue.size).toBe(0);

    const third = deferred();
    void queue.push('third', () => third.promise);
    const drainedAgain = queue.drain();
    expect(await isSettled(drainedAgain)).toBe(false);
    third.resolve();
    await drainedAgain;
  });

  it('close() drops the jobs waiting, settles their promises, and waits for the one under way', async () => {
    const queue = new SerialQueue(recordingLogger());
    const running = deferred();
    let waitingRan = false;
    const first = queue.push('under way', () => running.promise);
    const waiting = queue.push('waiting', () => {
      waitingRan = true;
      return Promise.resolve();
    });
    const closed = queue.close();
    await waiting;
    expect(await isSettled(closed)).toBe(false);
    running.resolve();
    await closed;
    await first;
    expect(waitingRan).toBe(false);
    expect(queue.size).toBe(0);
  });
});
