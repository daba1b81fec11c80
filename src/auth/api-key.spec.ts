import { matchesAnyKey, presentedKey, presentedSocketKey } from './api-key.js';

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

describe('presentedSocketKey', () => {
  it("prefers Socket.io's auth.token, then ?token=, then the headers", () => {
    const headers = { 'x-api-key': 'from-header' };
    expect(presentedSocketKey({ auth: { token: ' from-auth ' }, token: 'from-query', headers })).toBe('from-auth');
    expect(presentedSocketKey({ auth: {}, token: 'from-query', headers })).toBe('from-query');
    expect(presentedSocketKey({ token: ['first', 'second'], headers })).toBe('first');
    expect(presentedSocketKey({ token: null, headers })).toBe('from-header');
    expect(presentedSocketKey({ headers: { authorization: 'Bearer from-bearer' } })).toBe('from-bearer');
  });

  it('ignores blank values and a token that is not a string', () => {
    expect(presentedSocketKey({ auth: { token: 42 }, token: '  ', headers: {} })).toBeUndefined();
    expect(presentedSocketKey({ auth: { token: '' }, token: [], headers: { 'x-api-key': 'k' } })).toBe('k');
  });
});
