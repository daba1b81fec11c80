import { backoffDelayMs, channelWants, isRetryableStatus } from './delivery-policy.js';

describe('channelWants', () => {
  const channel = { enabled: true, alertTypes: null, minSeverity: 'info' as const };
  it('an enabled channel with no filters wants everything', () => {
    expect(channelWants(channel, { type: 'routing_changed', severity: 'info' })).toBe(true);
  });
  it('a disabled channel wants nothing', () => {
    expect(channelWants({ ...channel, enabled: false }, { type: 'model_down', severity: 'critical' })).toBe(false);
  });
  it('filters by type and by minimum severity', () => {
    const picky = { enabled: true, alertTypes: ['model_down', 'dcrs_failed'], minSeverity: 'warning' as const };
    expect(channelWants(picky, { type: 'model_down', severity: 'critical' })).toBe(true);
    expect(channelWants(picky, { type: 'dcrs_failed', severity: 'warning' })).toBe(true);
    expect(channelWants(picky, { type: 'model_degraded', severity: 'warning' })).toBe(false);
    expect(channelWants({ ...picky, alertTypes: null }, { type: 'model_recovered', severity: 'info' })).toBe(false);
    expect(channelWants({ ...picky, minSeverity: 'critical' }, { type: 'dcrs_failed', severity: 'warning' })).toBe(
      false,
    );
  });
});

describe('backoff and retries', () => {
  it('waits base, then twice base', () => {
    expect([1, 2].map((attempt) => backoffDelayMs(attempt, 1000))).toEqual([1000, 2000]);
    expect(backoffDelayMs(1, 0)).toBe(0);
  });
  it('retries overload and server errors, not client errors', () => {
    expect([500, 502, 503, 429, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});
