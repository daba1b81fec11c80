import { decideCartridgeStatus, type CartridgeHealthInput } from './cartridge-status.js';

const now = new Date('2026-02-01T08:00:00Z');
const base: CartridgeHealthInput = {
  recent: [],
  successRate24h: null,
  lastStartedAt: null,
  schedulePeriodMs: null,
  now,
};
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('decideCartridgeStatus', () => {
  it('a cartridge that never ran is idle', () => {
    expect(decideCartridgeStatus(base)).toBe('idle');
  });

  it('last run succeeded with at least 95% over 24 h: healthy', () => {
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['success', 'failure'],
        successRate24h: 95,
        lastStartedAt: minutesAgo(5),
      }),
    ).toBe('healthy');
  });

  it('last run succeeded but under 95% over 24 h: degraded', () => {
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['success', 'failure'],
        successRate24h: 94.9,
        lastStartedAt: minutesAgo(5),
      }),
    ).toBe('degraded');
  });

  it('last run failed, but not three in a row: degraded', () => {
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['failure', 'failure', 'success'],
        successRate24h: 99,
        lastStartedAt: minutesAgo(5),
      }),
    ).toBe('degraded');
  });

  it('the last three failed: failing', () => {
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['failure', 'failure', 'failure'],
        successRate24h: 0,
        lastStartedAt: minutesAgo(5),
      }),
    ).toBe('failing');
  });

  it('no execution within twice the schedule period: stale, whatever the results', () => {
    const hourly = 3_600_000;
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['success'],
        successRate24h: 100,
        lastStartedAt: minutesAgo(121),
        schedulePeriodMs: hourly,
      }),
    ).toBe('stale');
    expect(
      decideCartridgeStatus({
        ...base,
        recent: ['success'],
        successRate24h: 100,
        lastStartedAt: minutesAgo(119),
        schedulePeriodMs: hourly,
      }),
    ).toBe('healthy');
  });

  it('only a run in progress so far: healthy', () => {
    expect(decideCartridgeStatus({ ...base, recent: [], lastStartedAt: minutesAgo(1) })).toBe('healthy');
  });
});
