// Whether a model is inside a planned maintenance window at an instant, and when a recurring window
// next starts. Pure (cron expressions are read in UTC).
import { CronTime, validateCronExpression } from 'cron';

const MINUTE_MS = 60_000;

/** A window as the rules read it: one-off (startsAt..endsAt) or recurring (cron + durationMinutes). */
export interface WindowSpec {
  modelId: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  cron: string | null;
  durationMinutes: number | null;
}

export function isValidCron(expression: string): boolean {
  return validateCronExpression(expression).valid;
}

/**
 * The occurrence of the window that contains `at`, as [start, end), or null. A one-off window
 * contains its start and not its end; a cron window contains [occurrence, occurrence + duration).
 */
export function occurrenceAt(window: WindowSpec, at: Date): { start: Date; end: Date } | null {
  if (window.cron !== null && window.durationMinutes !== null) {
    const durationMs = window.durationMinutes * MINUTE_MS;
    // The first occurrence strictly after (at - duration): inside the window when it is not after `at`.
    const start = new CronTime(window.cron, 'UTC').getNextDateFrom(new Date(at.getTime() - durationMs)).toJSDate();
    return start.getTime() <= at.getTime() ? { start, end: new Date(start.getTime() + durationMs) } : null;
  }
  if (window.startsAt !== null && window.endsAt !== null) {
    const inside = window.startsAt.getTime() <= at.getTime() && at.getTime() < window.endsAt.getTime();
    return inside ? { start: window.startsAt, end: window.endsAt } : null;
  }
  return null;
}

/** Whether the window applies to the model (its own, or one for every model). */
export function appliesTo(window: WindowSpec, modelId: number): boolean {
  return window.modelId === null || window.modelId === modelId;
}

/** Whether model `modelId` is in maintenance at `at` under any of the windows. */
export function isInMaintenance(windows: readonly WindowSpec[], modelId: number, at: Date): boolean {
  return windows.some((window) => appliesTo(window, modelId) && occurrenceAt(window, at) !== null);
}

/**
 * The window's next start at or after `now` for a cron window (the current occurrence's start when
 * one is under way); a one-off window's start unless it has ended; null when it will not happen again.
 */
export function nextOccurrence(window: WindowSpec, now: Date): { start: Date; end: Date } | null {
  const current = occurrenceAt(window, now);
  if (current) return current;
  if (window.cron !== null && window.durationMinutes !== null) {
    const start = new CronTime(window.cron, 'UTC').getNextDateFrom(now).toJSDate();
    return { start, end: new Date(start.getTime() + window.durationMinutes * MINUTE_MS) };
  }
  if (window.startsAt !== null && window.endsAt !== null && window.startsAt.getTime() > now.getTime()) {
    return { start: window.startsAt, end: window.endsAt };
  }
  return null;
}

/** The occurrences of the window that overlap [from, to), oldest first, at most `max` (for the timeline). */
export function occurrencesBetween(window: WindowSpec, from: Date, to: Date, max = 500): { start: Date; end: Date }[] {
  if (window.cron !== null && window.durationMinutes !== null) {
    const durationMs = window.durationMinutes * MINUTE_MS;
    const cron = new CronTime(window.cron, 'UTC');
    const found: { start: Date; end: Date }[] = [];
    let cursor = new Date(from.getTime() - durationMs);
    while (found.length < max) {
      const start = cron.getNextDateFrom(cursor).toJSDate();
      if (start.getTime() >= to.getTime()) break;
      found.push({ start, end: new Date(start.getTime() + durationMs) });
      cursor = start;
    }
    return found;
  }
  if (window.startsAt !== null && window.endsAt !== null) {
    const overlaps = window.startsAt.getTime() < to.getTime() && window.endsAt.getTime() > from.getTime();
    return overlaps ? [{ start: window.startsAt, end: window.endsAt }] : [];
  }
  return [];
}
