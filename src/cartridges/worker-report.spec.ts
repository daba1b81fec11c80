import {
  canonicalJson,
  checkWorkerReport,
  isInstant,
  MAX_OUTPUT_BYTES,
  reportHash,
  type WorkerReport,
} from './worker-report.js';

const report: WorkerReport = {
  status: 'success',
  started_at: '2026-02-01T08:00:00Z',
  finished_at: '2026-02-01T08:00:05.250Z',
};

describe('checkWorkerReport', () => {
  it('defaults duration_ms to the difference and output and summary to null', () => {
    expect(checkWorkerReport(report)).toEqual({
      ok: true,
      value: {
        status: 'success',
        startedAt: new Date('2026-02-01T08:00:00Z'),
        finishedAt: new Date('2026-02-01T08:00:05.250Z'),
        durationMs: 5250,
        summary: null,
        output: null,
      },
    });
  });

  it('keeps a given duration, even zero', () => {
    expect(checkWorkerReport({ ...report, duration_ms: 0 })).toMatchObject({ ok: true, value: { durationMs: 0 } });
  });

  it('compares instants, not text: an offset that finishes later is fine', () => {
    expect(checkWorkerReport({ ...report, finished_at: '2026-02-01T17:00:01+09:00' })).toMatchObject({
      ok: true,
      value: { durationMs: 1000 },
    });
  });

  it('refuses a finish before the start', () => {
    expect(checkWorkerReport({ ...report, finished_at: '2026-02-01T07:59:59Z' })).toEqual({
      ok: false,
      problem: 'finished_at must not be before started_at',
    });
  });

  it('bounds the output to 64 KB of JSON', () => {
    const fits = 'x'.repeat(MAX_OUTPUT_BYTES - 2); // plus the two quotes
    expect(checkWorkerReport({ ...report, output: fits }).ok).toBe(true);
    expect(checkWorkerReport({ ...report, output: `${fits}x` })).toEqual({
      ok: false,
      problem: `output must be at most ${MAX_OUTPUT_BYTES} bytes as JSON (got ${MAX_OUTPUT_BYTES + 1})`,
    });
    // Bytes, not characters: "é" is two bytes in UTF-8.
    expect(checkWorkerReport({ ...report, output: 'é'.repeat(MAX_OUTPUT_BYTES / 2) }).ok).toBe(false);
  });
});

describe('reportHash', () => {
  it('is the same for the same report whatever the key order, and absent equals null', () => {
    const a = reportHash({ ...report, output: { b: [1, { y: 2, x: 1 }], a: 'z' } });
    const b = reportHash({
      output: { a: 'z', b: [1, { x: 1, y: 2 }] },
      finished_at: report.finished_at,
      started_at: report.started_at,
      status: 'success',
    });
    expect(a).toBe(b);
    expect(reportHash({ ...report, summary: null })).toBe(reportHash(report));
  });

  it('differs when any field differs', () => {
    const base = reportHash(report);
    expect(reportHash({ ...report, status: 'failure' })).not.toBe(base);
    expect(reportHash({ ...report, summary: 'x' })).not.toBe(base);
    expect(reportHash({ ...report, duration_ms: 5250 })).not.toBe(base);
    expect(reportHash({ ...report, output: [2, 1] })).not.toBe(reportHash({ ...report, output: [1, 2] }));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    );
  });
});

describe('isInstant', () => {
  it.each([
    '2026-02-01T08:00:00Z',
    '2026-02-01T08:00Z',
    '2026-02-01T08:00:00.123456+09:00',
    '2028-02-29T23:59:59-05:30',
  ])('accepts %s', (value) => {
    expect(isInstant(value)).toBe(true);
  });
  it.each([
    ['no offset', '2026-02-01T08:00:00'],
    ['a date only', '2026-02-01'],
    ['February 30th', '2026-02-30T08:00:00Z'],
    ['February 29th of a common year', '2026-02-29T08:00:00Z'],
    ['hour 24', '2026-02-01T24:00:00Z'],
    ['an offset of 25 hours', '2026-02-01T08:00:00+25:00'],
    ['a space instead of T', '2026-02-01 08:00:00Z'],
    ['a number', 1769932800000],
  ])('refuses %s', (_label, value) => {
    expect(isInstant(value)).toBe(false);
  });
});
