import { QueryFailedError } from 'typeorm';

/** The driver's error code (a PostgreSQL SQLSTATE, a SQLite or socket code), wrapped or not. */
export function databaseErrorCode(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    const driverError = (error as QueryFailedError & { driverError?: { code?: unknown } }).driverError;
    if (typeof driverError?.code === 'string') return driverError.code;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = databaseErrorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Socket-level failures: the server is not there, or the connection to it broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's own words for "not now": the server shuts down (57P01 admin, 57P02 crash), is starting
 * or recovering (57P03), or is out of connection slots (53300); class 08 is a connection exception.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres says when a pooled connection dies or cannot be had in time. */
const POOL_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection ended/i];

/**
 * Whether an error says the database cannot be reached right now (as opposed to refusing this query):
 * a write that failed for this reason may succeed later unchanged. SQLite is a local file: only a lock
 * held past busy_timeout (SQLITE_BUSY) counts.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const code = databaseErrorCode(error);
  if (code !== undefined) {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (code === 'SQLITE_BUSY') return true;
  }
  const message = error instanceof Error ? error.message : '';
  return POOL_MESSAGES.some((pattern) => pattern.test(message));
}
