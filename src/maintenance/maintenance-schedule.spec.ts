import {
  isInMaintenance,
  isValidCron,
  nextOccurrence,
  occurrenceAt,
  occurrencesBetween,
  type WindowSpec,
} from './maintenance-schedule.js';

const at = (iso: string): Date => new Date(iso);

const oneOff = (modelId: number | null, startsAt: string, endsAt: string): WindowSpec => ({
  modelId,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  cron: null,
  durationMinutes: null,
});

// Every day at 02:00 UTC, for 30 minutes.
const nightly = (modelId: number | null): WindowSpec => ({
  modelId,
  startsAt: null,
  endsAt: null,
  cron: '0 2 * * *',
  durationMinutes: 30,
});

describe('a one-off maintenance window', () => {
  const window = oneOff(7, '2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z');

  it('contains its start and the instants before its end, not its end', () => {
    expect(isInMaintenance([window], 7, at('2026-11-10T09:59:59Z'))).toBe(false);
    expect(isInMaintenance([window], 7, at('2026-11-10T10:00:00Z'))).toBe(true);
    expect(isInMaintenance([window], 7, at('2026-11-10T11:59:59Z'))).toBe(true);
    expect(isInMaintenance([window], 7, at('2026-11-10T12:00:00Z'))).toBe(false);
  });

  it('applies to its own model only; a window without a model applies to every model', () => {
    expect(isInMaintenance([window], 8, at('2026-11-10T11:00:00Z'))).toBe(false);
    const everyone = oneOff(null, '2026-11-10T10:00:00Z', '2026-11-10T12:00:00Z');
    expect(isInMaintenance([everyone], 8, at('2026-11-10T11:00:00Z'))).toBe(true);
  });

  it('has a next occurrence until it ends', () => {
    expect(nextOccurrence(window, at('2026-11-09T00:00:00Z'))?.start).toEqual(at('2026-11-10T10:00:00Z'));
    expect(nextOccurrence(window, at('2026-11-10T11:00:00Z'))?.end).toEqual(at('2026-11-10T12:00:00Z'));
    expect(nextOccurrence(window, at('2026-11-10T12:00:00Z'))).toBeNull();
  });
});

describe('a cron maintenance window (0 2 * * *, 30 minutes)', () => {
  const window = nightly(7);

  it('contains [02:00, 02:30) of every day', () => {
    expect(isInMaintenance([window], 7, at('2026-11-10T01:59:59Z'))).toBe(false);
    expect(isInMaintenance([window], 7, at('2026-11-10T02:00:00Z'))).toBe(true);
    expect(isInMaintenance([window], 7, at('2026-11-10T02:29:59Z'))).toBe(true);
    expect(isInMaintenance([window], 7, at('2026-11-10T02:30:00Z'))).toBe(false);
    expect(occurrenceAt(window, at('2026-11-11T02:10:00Z'))).toEqual({
      start: at('2026-11-11T02:00:00Z'),
      end: at('2026-11-11T02:30:00Z'),
    });
  });

  it('next occurs at tomorrow 02:00 once today’s has passed, or is the one under way', () => {
    expect(nextOccurrence(window, at('2026-11-10T03:00:00Z'))?.start).toEqual(at('2026-11-11T02:00:00Z'));
    expect(nextOccurrence(window, at('2026-11-10T02:15:00Z'))?.start).toEqual(at('2026-11-10T02:00:00Z'));
  });

  it('lists the occurrences overlapping a range, one per day', () => {
    const found = occurrencesBetween(window, at('2026-11-10T02:10:00Z'), at('2026-11-12T02:00:00Z'));
    expect(found.map((o) => o.start.toISOString())).toEqual(['2026-11-10T02:00:00.000Z', '2026-11-11T02:00:00.000Z']);
  });

  it('validates cron expressions', () => {
    expect(isValidCron('*/5 * * * *')).toBe(true);
    expect(isValidCron('every night')).toBe(false);
  });
});
