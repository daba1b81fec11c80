import { mergeSpans, planWindow } from './window-plan.js';

const at = (iso: string): Date => new Date(iso);

describe('planWindow', () => {
  it('splits a 24 h window at 18:30 into 30 raw minutes, hours to midnight, then days', () => {
    // now 2026-11-29T18:30Z, since = 24 h before.
    expect(planWindow(at('2026-11-28T18:30:00Z'))).toEqual({
      rawTo: at('2026-11-28T19:00:00Z'),
      hourFrom: at('2026-11-28T19:00:00Z'),
      hourTo: at('2026-11-29T00:00:00Z'),
      dayFrom: at('2026-11-29T00:00:00Z'),
    });
  });

  it('needs no raw rows when the window starts on an hour, nor hours when it starts on a day', () => {
    const plan = planWindow(at('2026-11-01T00:00:00Z'));
    expect(plan.rawTo).toEqual(at('2026-11-01T00:00:00Z'));
    expect(plan.hourTo).toEqual(plan.hourFrom);
    expect(plan.dayFrom).toEqual(at('2026-11-01T00:00:00Z'));
  });

  it('reads at most one hour of raw rows', () => {
    for (const iso of ['2026-11-29T10:00:00.001Z', '2026-11-29T10:59:59.999Z', '2026-11-29T23:17:00Z']) {
      const since = at(iso);
      expect(planWindow(since).rawTo.getTime() - since.getTime()).toBeLessThanOrEqual(3_600_000);
    }
  });
});

describe('mergeSpans', () => {
  it('worked example: the raw edges of the 24 h, 7 d and 30 d windows stay three spans, in order', () => {
    const day = { from: at('2026-11-28T18:30:00Z'), to: at('2026-11-28T19:00:00Z') };
    const week = { from: at('2026-11-22T18:30:00Z'), to: at('2026-11-22T19:00:00Z') };
    const month = { from: at('2026-10-30T18:30:00Z'), to: at('2026-10-30T19:00:00Z') };
    expect(mergeSpans([day, week, month])).toEqual([month, week, day]);
  });

  it('merges overlapping and touching spans, so that no row is read twice', () => {
    const spans = [
      { from: at('2026-11-28T18:10:00Z'), to: at('2026-11-28T19:00:00Z') },
      { from: at('2026-11-28T18:30:00Z'), to: at('2026-11-28T18:40:00Z') },
      { from: at('2026-11-28T19:00:00Z'), to: at('2026-11-28T19:20:00Z') },
    ];
    expect(mergeSpans(spans)).toEqual([{ from: at('2026-11-28T18:10:00Z'), to: at('2026-11-28T19:20:00Z') }]);
    expect(mergeSpans([])).toEqual([]);
  });
});
