import {
  isCartridgeCron,
  isTimeZone,
  schedulePeriodMs,
  scheduledOccurrence,
  scheduleOf,
} from './cartridge-schedule.js';

const HOUR = 3_600_000;

describe('isCartridgeCron', () => {
  it.each(['0 * * * *', '*/15 * * * *', '0 8 * * 1-5', ' 0  8 * * * '])('accepts %j', (cron) => {
    expect(isCartridgeCron(cron)).toBe(true);
  });
  it.each(['0 0 * * * *', 'every hour', '61 * * * *', '', 42, null])(
    'refuses %j (seconds, nonsense, not text)',
    (cron) => {
      expect(isCartridgeCron(cron)).toBe(false);
    },
  );
});

describe('isTimeZone', () => {
  it('accepts IANA zones and refuses the rest', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('schedulePeriodMs', () => {
  const now = new Date('2026-02-01T08:00:00Z');
  it('is the gap between the next two occurrences', () => {
    expect(schedulePeriodMs({ cron: '0 * * * *', timeZone: 'UTC' }, now)).toBe(HOUR);
    expect(schedulePeriodMs({ cron: '*/15 * * * *', timeZone: 'UTC' }, now)).toBe(HOUR / 4);
    expect(schedulePeriodMs({ cron: '0 8 * * *', timeZone: 'Asia/Seoul' }, now)).toBe(24 * HOUR);
  });
  it('follows the time zone across a daylight-saving change', () => {
    // Europe/Berlin springs forward on 2026-03-29: the day from the 28th 08:00 to the 29th 08:00 has 23 hours.
    expect(schedulePeriodMs({ cron: '0 8 * * *', timeZone: 'Europe/Berlin' }, new Date('2026-03-28T06:30:00Z'))).toBe(
      23 * HOUR,
    );
  });
});

describe('scheduledOccurrence', () => {
  it('rounds a tick to the nearest minute, early or late', () => {
    expect(scheduledOccurrence(new Date('2026-02-01T07:59:59.990Z')).toISOString()).toBe('2026-02-01T08:00:00.000Z');
    expect(scheduledOccurrence(new Date('2026-02-01T08:00:00.250Z')).toISOString()).toBe('2026-02-01T08:00:00.000Z');
  });
});

describe('scheduleOf', () => {
  it('is null without a cron and defaults the time zone to UTC', () => {
    expect(scheduleOf({ scheduleCron: null, scheduleTimezone: null })).toBeNull();
    expect(scheduleOf({ scheduleCron: '0 * * * *', scheduleTimezone: null })).toEqual({
      cron: '0 * * * *',
      timeZone: 'UTC',
    });
  });
});
