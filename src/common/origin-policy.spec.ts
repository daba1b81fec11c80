import { isOriginAllowed } from './origin-policy.js';

const development = { corsOrigins: [], isProduction: false };
const production = { corsOrigins: [], isProduction: true };
const listed = { corsOrigins: ['https://dash.example.com'], isProduction: true };

describe('which pages may open a socket', () => {
  it('a client that sends no Origin (not a browser) is always allowed', () => {
    expect(isOriginAllowed(undefined, 'api.example.com', production)).toBe(true);
  });

  it('a page of the same origin is always allowed', () => {
    expect(isOriginAllowed('https://api.example.com', 'api.example.com', production)).toBe(true);
    expect(isOriginAllowed('http://localhost:8000', 'LOCALHOST:8000', listed)).toBe(true);
  });

  it('with CORS_ORIGINS empty: any page outside production, none from elsewhere in production', () => {
    expect(isOriginAllowed('http://localhost:3000', 'localhost:8000', development)).toBe(true);
    expect(isOriginAllowed('http://localhost:3000', 'localhost:8000', production)).toBe(false);
  });

  it('with a list: the listed origins only; with *: any', () => {
    expect(isOriginAllowed('https://dash.example.com', 'api.example.com', listed)).toBe(true);
    expect(isOriginAllowed('https://evil.example.net', 'api.example.com', listed)).toBe(false);
    expect(
      isOriginAllowed('https://evil.example.net', 'api.example.com', { corsOrigins: ['*'], isProduction: true }),
    ).toBe(true);
  });

  it('an unparsable Origin (e.g. "null" from a file:// page) is cross-origin', () => {
    expect(isOriginAllowed('null', 'api.example.com', production)).toBe(false);
    expect(isOriginAllowed('null', 'localhost:8000', development)).toBe(true);
  });
});
