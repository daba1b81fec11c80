// The model list as sent: its bytes, serialized once per snapshot, and a strong validator over them.
// Pure, so that the conditional-request rules have worked examples (model-list.etag.spec.ts).
import { createHash } from 'node:crypto';

/** A strong entity tag over the exact bytes (a quoted, 27-character base64url SHA-1 prefix). */
export function strongEtag(bytes: Buffer): string {
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches the current tag (RFC 9110 §13.1.2: weak comparison, so a
 * W/ prefix a proxy added still matches; `*` matches any current representation).
 */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/** Whether the request asks for a fresh read (Cache-Control: no-cache, or the older Pragma: no-cache). */
export function wantsRevalidation(cacheControl: string | undefined, pragma: string | undefined): boolean {
  const directives = (cacheControl ?? '').toLowerCase().split(',');
  return directives.some((d) => d.trim() === 'no-cache') || (pragma ?? '').toLowerCase().includes('no-cache');
}
