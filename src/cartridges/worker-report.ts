// What a worker outside the process reports about one execution: the checks beyond field types, and
// the fingerprint that tells a replay (same Idempotency-Key, same body) from a conflicting reuse.
import { createHash } from 'node:crypto';

export const MAX_OUTPUT_BYTES = 64 * 1024;

/** ISO-8601 with a date, a time and an explicit offset: a bare local time would be read in the server's zone. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Also a real calendar date and time: JavaScript would read February 30th as March 2nd. */
export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return false;
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const part = (group: number): number => Number(match[group] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(7)] as const;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

export interface WorkerReport {
  status: 'success' | 'failure';
  started_at: string;
  finished_at: string;
  duration_ms?: number;
  summary?: string | null;
  output?: unknown;
}

export interface CheckedReport {
  status: 'success' | 'failure';
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  summary: string | null;
  output: unknown;
}

/** The report as stored, or the problem naming the field. */
export function checkWorkerReport(
  report: WorkerReport,
): { ok: true; value: CheckedReport } | { ok: false; problem: string } {
  const startedAt = new Date(report.started_at);
  const finishedAt = new Date(report.finished_at);
  if (finishedAt.getTime() < startedAt.getTime()) {
    return { ok: false, problem: 'finished_at must not be before started_at' };
  }
  const output = report.output ?? null;
  if (output !== null) {
    const bytes = Buffer.byteLength(JSON.stringify(output), 'utf8');
    if (bytes > MAX_OUTPUT_BYTES) {
      return { ok: false, problem: `output must be at most ${MAX_OUTPUT_BYTES} bytes as JSON (got ${bytes})` };
    }
  }
  return {
    ok: true,
    value: {
      status: report.status,
      startedAt,
      finishedAt,
      durationMs: report.duration_ms ?? finishedAt.getTime() - startedAt.getTime(),
      summary: report.summary ?? null,
      output,
    },
  };
}

/**
 * SHA-256 of the report's canonical JSON (object keys sorted at every depth, absent and null alike),
 * so that the same report sent again with its keys in another order is still a replay.
 */
export function reportHash(report: WorkerReport): string {
  const fields = {
    status: report.status,
    started_at: report.started_at,
    finished_at: report.finished_at,
    duration_ms: report.duration_ms ?? null,
    summary: report.summary ?? null,
    output: report.output ?? null,
  };
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
