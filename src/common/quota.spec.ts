import { quotaExhausted, quotaFractionLeft, quotaResetsAt, type StoredQuota } from './quota.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const SOON = new Date('2026-11-29T12:00:30Z');
const LATER = new Date('2026-11-29T12:05:00Z');

const quota = (patch: Partial<StoredQuota>): StoredQuota => ({
  requestsRemaining: null,
  requestsLimit: null,
  tokensRemaining: null,
  tokensLimit: null,
  requestsResetAt: null,
  tokensResetAt: null,
  ...patch,
});

describe('quota figures', () => {
  it('take the scarcer resource: 5 of 100 requests left beats 900 of 1000 tokens', () => {
    const q = quota({
      requestsRemaining: 5,
      requestsLimit: 100,
      tokensRemaining: 900,
      tokensLimit: 1000,
      requestsResetAt: SOON,
      tokensResetAt: LATER,
    });
    expect(quotaFractionLeft(q)).toBe(0.05);
    expect(quotaResetsAt(q)).toEqual(SOON);
  });

  it('know no fraction without a limit', () => {
    expect(quotaFractionLeft(quota({ requestsRemaining: 5 }))).toBeNull();
    expect(quotaResetsAt(quota({}))).toBeNull();
  });

  it('call a quota exhausted until its reset, and not after', () => {
    const q = quota({ requestsRemaining: 0, requestsLimit: 50, requestsResetAt: SOON });
    expect(quotaExhausted(q, NOW)).toBe(true);
    expect(quotaExhausted(q, LATER)).toBe(false);
    expect(quotaExhausted(quota({ requestsRemaining: 1, requestsLimit: 50 }), NOW)).toBe(false);
  });

  it('call an empty token quota with no known reset exhausted until the next reading', () => {
    expect(quotaExhausted(quota({ tokensRemaining: 0 }), NOW)).toBe(true);
  });
});
