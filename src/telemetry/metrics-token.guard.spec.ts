import { bearerToken } from './metrics-token.guard.js';

describe('bearerToken', () => {
  it('reads the token of an Authorization: Bearer header, as Prometheus sends it', () => {
    expect(bearerToken('Bearer scrape-token-0123456789')).toBe('scrape-token-0123456789');
    expect(bearerToken('bearer   scrape-token-0123456789 ')).toBe('scrape-token-0123456789');
  });

  it('reads nothing from another scheme, an empty header or a token with spaces', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic c2NyYXBl', 'Bearer two parts', 'scrape-token']) {
      expect(bearerToken(header)).toBeUndefined();
    }
  });
});
