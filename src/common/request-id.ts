// Every request carries an id: the caller's X-Request-Id when it is a sane value (so that a proxy's
// or a client's id follows the request through our logs), a new UUID otherwise. It is set on the
// request before anything else runs, returned in the X-Request-Id response header, bound to every
// log line written while serving the request (logging.ts) and put in every error body.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';
const MAX_LENGTH = 128;
/** Visible ASCII only: nothing that could split a log line or a header. */
const SANE_ID = new RegExp(`^[\\x21-\\x7e]{1,${MAX_LENGTH}}$`);

/** The caller's id when it is usable as is, otherwise null. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_ID.test(value) ? value : null;
}

/** The id of a request: its own if it already has one, the caller's if sane, else a new UUID. Sets the header. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const existing = (req as { id?: unknown }).id;
  const id = typeof existing === 'string' ? existing : (acceptedRequestId(req.headers['x-request-id']) ?? randomUUID());
  (req as { id?: unknown }).id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Express middleware: installed first, so that even a request refused by the body parser has an id. */
export function requestIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}

/** The id assignRequestId gave the request, if any. */
export function requestIdOf(req: unknown): string | undefined {
  const id = (req as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}
