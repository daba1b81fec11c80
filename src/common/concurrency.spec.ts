import { KeyedSerializer, mapWithConcurrency } from './concurrency.js';

describe('mapWithConcurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('handles no items', async () => {
    expect(await mapWithConcurrency([], 4, () => Promise.resolve(1))).toEqual([]);
  });
});

describe('KeyedSerializer', () => {
  const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs the work of one key one at a time, in order, and other keys beside it', async () => {
    const serializer = new KeyedSerializer<number>();
    const log: string[] = [];
    const step = (key: number, name: string, ms: number) =>
      serializer.run(key, async () => {
        log.push(`${name} start`);
        await pause(ms);
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([step(1, 'a', 20), step(1, 'b', 1), step(2, 'c', 5)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('c end')).toBeLessThan(log.indexOf('a end'));
  });

  it('a failure reaches its caller and the next work of the key still runs', async () => {
    const serializer = new KeyedSerializer<string>();
    const failing = serializer.run('k', () => Promise.reject(new Error('boom')));
    const next = serializer.run('k', () => Promise.resolve(7));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe(7);
  });
});
