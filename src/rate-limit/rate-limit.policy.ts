// The rate limiter's decisions, pure: which budget a request spends, whose budget it is, and the
// headers and message of an answer.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { matchesAnyKey } from '../auth/api-key.js';

/** Each kind has its own budget, so a client that hits the write limit can still read. */
export type RequestKind = 'read' | 'write';

export function requestKind(method: string): RequestKind {
  return ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 'read' : 'write';
}

/** A budget after counting one request. */
export interface RateLimitCount {
  /** Whether the request fits (a refused one is not counted). */
  readonly allowed: boolean;
  readonly remaining: number;
  /** Whole seconds until the oldest counted request leaves the window, freeing room; at least 1. */
  readonly resetSeconds: number;
}

/**
 * Whose budget a request spends: the key's when it sends one we know (two keys behind one address
 * count apart), else its address. An unknown key counts as no key, or sending a new made-up key
 * with every request would escape the limit. The key is kept only as its SHA-256.
 */
export function clientTracker(ip: string | undefined, key: string | undefined, knownKeys: readonly string[]): string {
  if (key !== undefined && knownKeys.length > 0 && matchesAnyKey(key, knownKeys)) {
    return `key:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
  }
  return `ip:${ip ? clientAddress(ip) : 'unknown'}`;
}

/**
 * An address as one client: IPv4 as is (also when mapped into IPv6), IPv6 by its /64, the block
 * that a single host or home is usually given, so that it cannot take a fresh address per request.
 */
export function clientAddress(ip: string): string {
  const bare = ip.split('%', 1)[0].toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(bare) || bare.includes('.')) return bare;
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** The IETF draft's RateLimit-* fields on every limited answer, and Retry-After on a refusal. */
export function rateLimitHeaders(limit: number, count: RateLimitCount): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(count.remaining),
    'RateLimit-Reset': String(count.resetSeconds),
  };
  if (!count.allowed) headers['Retry-After'] = String(count.resetSeconds);
  return headers;
}

export function rateLimitMessage(kind: RequestKind, limit: number, windowMs: number, retryAfter: number): string {
  return (
    `Too many ${kind} requests: at most ${limit} every ${windowMs / 1000} s for each client; ` +
    `retry after ${retryAfter} s`
  );
}
