import { matchesAnyKey, presentedKey } from './api-key.js';

describe('presentedKey', () => {
  it('reads X-API-Key first, then a Bearer token', () => {
    expect(presentedKey({ 'x-api-key': ' k1 ' })).toBe('k1');
    expect(presentedKey({ authorization: 'Bearer k2' })).toBe('k2');
    expect(presentedKey({ authorization: 'bearer   k3' })).toBe('k3');
    expect(presentedKey({ 'x-api-key': 'k1', authorization: 'Bearer k2' })).toBe('k1');
  });

  it('ignores other schemes and empty values', () => {
    expect(presentedKey({ authorization: 'Basic abc' })).toBeUndefined();
    expect(presentedKey({ 'x-api-key': '' })).toBeUndefined();
    expect(presentedKey({})).toBeUndefined();
  });
});

describe('matchesAnyKey', () => {
  const keys = ['old-key-0123456789', 'new-key-0123456789'];
  it('accepts any listed key, so that keys can be rotated', () => {
    expect(matchesAnyKey('old-key-0123456789', keys)).toBe(true);
    expect(matchesAnyKey('new-key-0123456789', keys)).toBe(true);
  });
  it('refuses others, prefixes and the empty list', () => {
    expect(matchesAnyKey('new-key-012345678', keys)).toBe(false);
    expect(matchesAnyKey('new-key-01234567890', keys)).toBe(false);
    expect(matchesAnyKey('anything', [])).toBe(false);
  });
});
