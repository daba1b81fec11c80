import { jest } from '@jest/globals';
import { ProbeWriteBatch } from './probe-write-batch.js';

describe('ProbeWriteBatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('a round whose results all come within the window is one write, at the end of the round', async () => {
    const writes: number[][] = [];
    const batch = new ProbeWriteBatch<number>((entries) => {
      writes.push(entries);
      return Promise.resolve();
    }, 1000);
    for (let i = 1; i <= 5; i++) batch.add(i);
    expect(writes).toEqual([]);
    await batch.close();
    expect(writes).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('a slow round is written every window, counted from the first result waiting, in order', async () => {
    const writes: number[][] = [];
    const batch = new ProbeWriteBatch<number>((entries) => {
      writes.push(entries);
      return Promise.resolve();
    }, 1000);
    batch.add(1);
    jest.advanceTimersByTime(600);
    batch.add(2);
    jest.advanceTimersByTime(400); // 1000 ms after result 1
    batch.add(3);
    jest.advanceTimersByTime(999);
    batch.add(4);
    await batch.close();
    expect(writes).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('a failed write does not stop the next ones', async () => {
    const writes: number[][] = [];
    const batch = new ProbeWriteBatch<number>((entries) => {
      if (entries.includes(1)) return Promise.reject(new Error('refused'));
      writes.push(entries);
      return Promise.resolve();
    }, 10);
    batch.add(1);
    jest.advanceTimersByTime(10);
    batch.add(2);
    await batch.close();
    expect(writes).toEqual([[2]]);
  });

  it('closing with nothing waiting writes nothing', async () => {
    const write = jest.fn((_entries: number[]) => Promise.resolve());
    await new ProbeWriteBatch<number>(write, 10).close();
    expect(write).not.toHaveBeenCalled();
  });
});
