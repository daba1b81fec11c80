import { decideAccess, SOCKET_KEY_HINT, type AccessKeys } from './access-policy.js';

const ADMIN = 'admin-key-0123456789';
const INGEST = 'ingest-key-0123456789';
const READ = 'read-key-0123456789';
const ALL: AccessKeys = { adminKeys: [ADMIN], ingestKeys: [INGEST], readKeys: [READ], isProduction: true };

const allowed = { allowed: true };
const unauthorized = (who: string) => ({
  allowed: false,
  code: 'unauthorized',
  message: `A valid ${who} API key is required (X-API-Key header or Authorization: Bearer)`,
});
const forbidden = (who: string) => ({
  allowed: false,
  code: 'forbidden',
  message: `This API key may not do this: it needs ${who} API key`,
});

describe('decideAccess with every kind of key configured', () => {
  it.each([
    // access, presented key, decision
    ['read', undefined, unauthorized('read or admin')],
    ['read', 'unknown-key-0123456789', unauthorized('read or admin')],
    ['read', READ, allowed],
    ['read', ADMIN, allowed],
    ['read', INGEST, forbidden('a read or admin')],
    ['ingest', undefined, unauthorized('ingest or admin')],
    ['ingest', READ, forbidden('an ingest or admin')],
    ['ingest', INGEST, allowed],
    ['ingest', ADMIN, allowed],
    ['admin', undefined, unauthorized('admin')],
    ['admin', 'unknown-key-0123456789', unauthorized('admin')],
    ['admin', READ, forbidden('an admin')],
    ['admin', INGEST, forbidden('an admin')],
    ['admin', ADMIN, allowed],
  ] as const)('%s with %s', (access, key, decision) => {
    expect(decideAccess(access, key, ALL)).toEqual(decision);
  });

  it('says where a socket client puts its key', () => {
    expect(decideAccess('read', undefined, ALL, SOCKET_KEY_HINT)).toMatchObject({
      message:
        'A valid read or admin API key is required (auth.token, ?token=, X-API-Key header or Authorization: Bearer)',
    });
  });
});

describe('decideAccess with keys missing', () => {
  const none: AccessKeys = { adminKeys: [], ingestKeys: [], readKeys: [], isProduction: false };

  it('no READ_API_KEY: reads are open to anyone, whatever key they send, in production too', () => {
    for (const isProduction of [false, true]) {
      const keys = { ...ALL, readKeys: [], isProduction };
      for (const key of [undefined, 'unknown-key-0123456789', INGEST, ADMIN]) {
        expect(decideAccess('read', key, keys)).toEqual(allowed);
      }
    }
  });

  it('no ADMIN_API_KEY: writes are open outside production and disabled in production', () => {
    expect(decideAccess('admin', undefined, none)).toEqual(allowed);
    expect(decideAccess('ingest', undefined, none)).toEqual(allowed);
    const disabled = {
      allowed: false,
      code: 'forbidden',
      message: 'Writes are disabled: set ADMIN_API_KEY to enable them',
    };
    expect(decideAccess('admin', ADMIN, { ...none, isProduction: true })).toEqual(disabled);
    expect(decideAccess('ingest', undefined, { ...none, isProduction: true })).toEqual(disabled);
  });

  it('ingest keys alone guard the ingest endpoint, not the admin ones (as before read keys existed)', () => {
    const ingestOnly = { ...none, ingestKeys: [INGEST] };
    expect(decideAccess('ingest', undefined, ingestOnly)).toEqual(unauthorized('ingest or admin'));
    expect(decideAccess('ingest', INGEST, ingestOnly)).toEqual(allowed);
    expect(decideAccess('admin', undefined, ingestOnly)).toEqual(allowed);
  });

  it('READ_API_KEY without ADMIN_API_KEY: only the read keys read', () => {
    const readOnly = { ...none, readKeys: [READ], isProduction: true };
    expect(decideAccess('read', READ, readOnly)).toEqual(allowed);
    expect(decideAccess('read', ADMIN, readOnly)).toEqual(unauthorized('read or admin'));
  });
});
