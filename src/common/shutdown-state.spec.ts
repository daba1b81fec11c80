import { ShutdownState } from './shutdown-state.js';

describe('ShutdownState', () => {
  it('runs until begin(), then stays stopping from the first call on', () => {
    const state = new ShutdownState();
    expect(state.stopping).toBe(false);
    expect(state.since).toBeNull();
    expect(state.signal.aborted).toBe(false);

    const first = new Date('2026-02-01T08:00:00Z');
    state.begin(first);
    state.begin(new Date('2026-02-01T09:00:00Z'));

    expect(state.stopping).toBe(true);
    expect(state.since).toEqual(first);
    expect(state.signal.aborted).toBe(true);
  });
});
