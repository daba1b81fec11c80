import { ResultBuffer } from './result-buffer.js';

describe('ResultBuffer', () => {
  it('gives entries back oldest first', () => {
    const buffer = new ResultBuffer<number>(10);
    for (const n of [1, 2, 3, 4]) expect(buffer.push(n)).toBe(0);
    expect(buffer.take(3)).toEqual([1, 2, 3]);
    expect(buffer.take(3)).toEqual([4]);
    expect(buffer.size).toBe(0);
  });

  it('drops the oldest past its capacity and says how many', () => {
    const buffer = new ResultBuffer<number>(3);
    expect([1, 2, 3].map((n) => buffer.push(n))).toEqual([0, 0, 0]);
    expect(buffer.push(4)).toBe(1);
    expect(buffer.take(10)).toEqual([2, 3, 4]);
  });

  it('puts a batch that could not be written back ahead of what came meanwhile, keeping the newest', () => {
    const buffer = new ResultBuffer<string>(4);
    buffer.push('a');
    buffer.push('b');
    buffer.push('c');
    const batch = buffer.take(2); // a, b: the write fails
    buffer.push('d');
    buffer.push('e');
    expect(buffer.putBack(batch)).toBe(1); // a goes: it is the oldest
    expect(buffer.take(10)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new ResultBuffer(0)).toThrow(RangeError);
  });
});
