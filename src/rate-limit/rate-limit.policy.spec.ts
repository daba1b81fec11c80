import { createHash } from 'node:crypto';
import { clientAddress, clientTracker, rateLimitHeaders, rateLimitMessage, requestKind } from './rate-limit.policy.js';

const KEY = 'read-key-0123456789';
const OTHER_KEY = 'admin-key-0123456789';

describe('requestKind', () => {
  it('GET and HEAD read; everything else writes', () => {
    expect(['GET', 'head', 'OPTIONS'].map(requestKind)).toEqual(['read', 'read', 'read']);
    expect(['POST', 'PATCH', 'PUT', 'DELETE'].map(requestKind)).toEqual(['write', 'write', 'write', 'write']);
  });
});

describe('clientTracker', () => {
  it('a known key has its own budget, stored as its SHA-256 and never as the key', () => {
    const tracker = clientTracker('10.0.0.1', KEY, [OTHER_KEY, KEY]);
    expect(tracker).toBe(`key:${createHash('sha256').update(KEY).digest('hex')}`);
    expect(tracker).not.toContain(KEY);
    expect(clientTracker('10.0.0.2', KEY, [OTHER_KEY, KEY])).toBe(tracker);
    expect(clientTracker('10.0.0.1', OTHER_KEY, [OTHER_KEY, KEY])).not.toBe(tracker);
  });

  it('no key, or one we do not know, spends the address budget (made-up keys cannot escape it)', () => {
    expect(clientTracker('10.0.0.1', undefined, [KEY])).toBe('ip:10.0.0.1');
    expect(clientTracker('10.0.0.1', 'made-up-key-0123456789', [KEY])).toBe('ip:10.0.0.1');
    expect(clientTracker('10.0.0.1', KEY, [])).toBe('ip:10.0.0.1');
    expect(clientTracker(undefined, undefined, [])).toBe('ip:unknown');
  });
});

describe('clientAddress', () => {
  it('keeps IPv4, and reads IPv4-mapped IPv6 as IPv4', () => {
    expect(clientAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddress('::FFFF:192.0.2.7')).toBe('192.0.2.7');
  });

  it('groups IPv6 by /64, however the address is written', () => {
    expect(clientAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
    expect(clientAddress('2001:db8:1:3::1')).not.toBe(clientAddress('2001:db8:1:2::1'));
  });

  it('leaves anything else as it is', () => {
    expect(clientAddress('not an address')).toBe('not an address');
  });
});

describe('rateLimitHeaders', () => {
  it('within the limit: what is left and when room is freed, no Retry-After', () => {
    expect(rateLimitHeaders(60, { allowed: true, remaining: 57, resetSeconds: 42 })).toEqual({
      'RateLimit-Limit': '60',
      'RateLimit-Remaining': '57',
      'RateLimit-Reset': '42',
    });
  });

  it('refused: Retry-After equal to the reset', () => {
    expect(rateLimitHeaders(2, { allowed: false, remaining: 0, resetSeconds: 17 })).toEqual({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '17',
      'Retry-After': '17',
    });
  });
});

describe('rateLimitMessage', () => {
  it('says which budget, its size and when to retry', () => {
    expect(rateLimitMessage('write', 60, 60_000, 12)).toBe(
      'Too many write requests: at most 60 every 60 s for each client; retry after 12 s',
    );
  });
});
