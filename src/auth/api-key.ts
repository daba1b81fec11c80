// Pure helpers for API keys: reading them from a request and comparing in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface KeyHeaders {
  'x-api-key'?: string | string[];
  authorization?: string;
}

/** The key sent as `X-API-Key` or `Authorization: Bearer <key>`, if any. */
export function presentedKey(headers: KeyHeaders): string | undefined {
  const header = headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct && direct.trim() !== '') return direct.trim();
  const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim() || undefined;
}

/** What a socket client sends when it opens a connection. */
export interface SocketHandshake {
  /** Socket.io's `auth` payload. */
  auth?: Readonly<Record<string, unknown>>;
  /** The `token` query parameter of the connection URL. */
  token?: string | string[] | null;
  headers: KeyHeaders;
}

function nonBlank(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/**
 * The key a socket client sent: Socket.io's `auth.token`, then `?token=` (a browser's WebSocket cannot
 * set headers), then the headers an HTTP client would send.
 */
export function presentedSocketKey(handshake: SocketHandshake): string | undefined {
  return nonBlank(handshake.auth?.token) ?? nonBlank(handshake.token) ?? presentedKey(handshake.headers);
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Whether `candidate` equals one of `keys`; the time taken does not depend on where they differ. */
export function matchesAnyKey(candidate: string, keys: readonly string[]): boolean {
  const presented = digest(candidate);
  let matched = false;
  for (const key of keys) {
    // Compare every key, always: no early exit that would reveal which one matched.
    matched = timingSafeEqual(presented, digest(key)) || matched;
  }
  return matched;
}
