// A cartridge's schedule: which cron expressions and time zones are accepted, and how long its
// period is (the status rules call a cartridge stale after twice that without an execution).
import { CronTime, validateCronExpression } from 'cron';

export const DEFAULT_SCHEDULE_TIMEZONE = 'UTC';

export interface CartridgeSchedule {
  cron: string;
  timeZone: string;
}

/**
 * Five fields (minute precision) only: a cartridge run is minutes of LLM calls, and the scheduled
 * occurrence, rounded to the minute, is what keeps two instances from both running it.
 */
export function isCartridgeCron(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const fields = value.trim().split(/\s+/);
  return fields.length === 5 && validateCronExpression(fields.join(' ')).valid;
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The gap between the schedule's next two occurrences after `now`, in its time zone. */
export function schedulePeriodMs(schedule: CartridgeSchedule, now: Date): number {
  const time = new CronTime(schedule.cron, schedule.timeZone);
  const first = time.getNextDateFrom(now, schedule.timeZone);
  const second = time.getNextDateFrom(first.toJSDate(), schedule.timeZone);
  return second.toMillis() - first.toMillis();
}

/** The occurrence a cron tick stands for: the tick time rounded to the minute (timers drift by ms). */
export function scheduledOccurrence(tickAt: Date): Date {
  return new Date(Math.round(tickAt.getTime() / 60_000) * 60_000);
}

/** The schedule of a stored cartridge, when it has one. */
export function scheduleOf(cartridge: {
  scheduleCron: string | null;
  scheduleTimezone: string | null;
}): CartridgeSchedule | null {
  if (cartridge.scheduleCron === null) return null;
  return { cron: cartridge.scheduleCron, timeZone: cartridge.scheduleTimezone ?? DEFAULT_SCHEDULE_TIMEZONE };
}
