import type { StoredQuota } from '../common/quota.js';
import { decideQuotaAlerts, openKey } from './alert-rules.js';

const AT = new Date('2026-11-29T12:00:00Z');
const RESET = new Date('2026-11-29T12:01:00Z');
const NOTHING_OPEN = new Set<string>();
const LOW_OPEN = new Set([openKey('quota_low', 'OpenAI')]);

const read = (quota: Partial<StoredQuota>) => ({
  modelId: 1,
  model: 'OpenAI',
  at: AT,
  quota: {
    requestsRemaining: null,
    requestsLimit: null,
    tokensRemaining: null,
    tokensLimit: null,
    requestsResetAt: null,
    tokensResetAt: null,
    ...quota,
  },
});

describe('quota_low', () => {
  it('opens when 5 of 100 requests are left and the threshold is 10%, naming the figures and the reset', () => {
    const actions = decideQuotaAlerts(
      read({
        requestsRemaining: 5,
        requestsLimit: 100,
        tokensRemaining: 9000,
        tokensLimit: 10000,
        requestsResetAt: RESET,
      }),
      NOTHING_OPEN,
      0.1,
    );
    expect(actions).toEqual([
      {
        action: 'open',
        type: 'quota_low',
        severity: 'warning',
        subject: 'OpenAI',
        message:
          'OpenAI is running out of its rate limit: 5/100 requests, 9000/10000 tokens left, resets at 2026-11-29T12:01:00.000Z',
      },
    ]);
  });

  it('opens on the scarcer resource: plenty of requests but 50 of 1000 tokens', () => {
    const actions = decideQuotaAlerts(
      read({ requestsRemaining: 99, requestsLimit: 100, tokensRemaining: 50, tokensLimit: 1000 }),
      NOTHING_OPEN,
      0.1,
    );
    expect(actions.map((a) => a.action)).toEqual(['open']);
  });

  it('adds nothing while it is open and still low', () => {
    expect(decideQuotaAlerts(read({ requestsRemaining: 1, requestsLimit: 100 }), LOW_OPEN, 0.1)).toEqual([]);
  });

  it('resolves when the quota is restored to the threshold or above', () => {
    expect(decideQuotaAlerts(read({ requestsRemaining: 10, requestsLimit: 100 }), LOW_OPEN, 0.1)).toEqual([
      { action: 'resolve', type: 'quota_low', subject: 'OpenAI' },
    ]);
  });

  it('says nothing for figures without a limit, nor for a healthy quota with nothing open', () => {
    expect(decideQuotaAlerts(read({ requestsRemaining: 0 }), LOW_OPEN, 0.1)).toEqual([]);
    expect(decideQuotaAlerts(read({ requestsRemaining: 90, requestsLimit: 100 }), NOTHING_OPEN, 0.1)).toEqual([]);
  });
});
