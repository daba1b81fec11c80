import { ifNoneMatchHits, strongEtag, wantsRevalidation } from './model-list.etag.js';

describe('strongEtag', () => {
  it('is a quoted strong tag that changes with the bytes', () => {
    const a = strongEtag(Buffer.from('{"models":[]}'));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(strongEtag(Buffer.from('{"models":[]}'))).toBe(a);
    expect(strongEtag(Buffer.from('{"models":[1]}'))).not.toBe(a);
  });
});

describe('ifNoneMatchHits', () => {
  const tag = '"abc"';
  it.each([
    ['no header', undefined, false],
    ['the same tag', '"abc"', true],
    ['a list holding it', '"x", "abc"', true],
    ['the weak form a proxy made of it', 'W/"abc"', true],
    ['any representation', '*', true],
    ['another tag', '"abd"', false],
    ['the tag unquoted', 'abc', false],
  ])('%s', (_case, header, hit) => {
    expect(ifNoneMatchHits(header, tag)).toBe(hit);
  });
});

describe('wantsRevalidation', () => {
  it.each([
    [undefined, undefined, false],
    ['no-cache', undefined, true],
    ['max-age=0, No-Cache', undefined, true],
    ['max-age=0', undefined, false],
    ['no-cache-please', undefined, false],
    [undefined, 'no-cache', true],
  ])('Cache-Control %s, Pragma %s: %s', (cacheControl, pragma, fresh) => {
    expect(wantsRevalidation(cacheControl, pragma)).toBe(fresh);
  });
});
