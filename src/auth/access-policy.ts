// Who may do what, as one pure decision shared by the HTTP guard and both socket transports. A missing
// or unknown key is a 401; a key we know that lacks the right (an ingest key on an admin endpoint, a
// read key on a write) is a 403.
import type { AppConfig } from '../config/app-config.js';
import { matchesAnyKey } from './api-key.js';

/** What an endpoint needs: a reader, an ingest worker (posting cartridge results) or an admin. */
export type Access = 'read' | 'ingest' | 'admin';

export interface AccessKeys {
  readonly adminKeys: readonly string[];
  readonly ingestKeys: readonly string[];
  readonly readKeys: readonly string[];
  readonly isProduction: boolean;
}

export function accessKeys(config: Pick<AppConfig, 'app' | 'auth' | 'access'>): AccessKeys {
  return {
    adminKeys: config.auth.adminKeys,
    ingestKeys: config.auth.ingestKeys,
    readKeys: config.access.readKeys,
    isProduction: config.app.isProduction,
  };
}

export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: 'unauthorized' | 'forbidden'; readonly message: string };

/** Where a client puts its key, for the refusal messages. */
export const HTTP_KEY_HINT = 'X-API-Key header or Authorization: Bearer';
export const SOCKET_KEY_HINT = 'auth.token, ?token=, X-API-Key header or Authorization: Bearer';

const ALLOWED: AccessDecision = { allowed: true };

const WHO: Record<Access, string> = { read: 'read or admin', ingest: 'ingest or admin', admin: 'admin' };
const A_WHO: Record<Access, string> = { read: 'a read or admin', ingest: 'an ingest or admin', admin: 'an admin' };

function refused(code: 'unauthorized' | 'forbidden', message: string): AccessDecision {
  return { allowed: false, code, message };
}

/** The keys that grant `access` (an empty list: nobody needs one). */
function acceptedKeys(access: Access, keys: AccessKeys): readonly string[] {
  switch (access) {
    case 'read':
      return keys.readKeys.length === 0 ? [] : [...keys.readKeys, ...keys.adminKeys];
    case 'ingest':
      return [...keys.ingestKeys, ...keys.adminKeys];
    case 'admin':
      return keys.adminKeys;
    default: {
      const unreachable: never = access;
      return unreachable;
    }
  }
}

export function decideAccess(
  access: Access,
  presented: string | undefined,
  keys: AccessKeys,
  hint: string = HTTP_KEY_HINT,
): AccessDecision {
  const accepted = acceptedKeys(access, keys);
  if (accepted.length === 0) {
    // No key configured for this kind of access: reads are open; writes are open outside production only.
    if (access === 'read' || !keys.isProduction) return ALLOWED;
    return refused('forbidden', 'Writes are disabled: set ADMIN_API_KEY to enable them');
  }
  if (presented !== undefined && matchesAnyKey(presented, accepted)) return ALLOWED;
  const known = [...keys.adminKeys, ...keys.ingestKeys, ...keys.readKeys];
  if (presented !== undefined && matchesAnyKey(presented, known)) {
    return refused('forbidden', `This API key may not do this: it needs ${A_WHO[access]} API key`);
  }
  return refused('unauthorized', `A valid ${WHO[access]} API key is required (${hint})`);
}
