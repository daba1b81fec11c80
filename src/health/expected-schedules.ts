// What "the schedulers are running" means for readiness: every periodic trigger that the settings
// turn on is registered in SchedulerRegistry, and every registered cron job (the daily DCRS run and
// the cartridges' own schedules) is started. Pure; readiness.service.ts reads the registry.
import type { AppConfig } from '../config/app-config.js';
import { INTERVAL_NAME as ALERT_SWEEP } from '../alerts/alerts.scheduler.js';
import { JOB_NAME as DCRS_DAILY } from '../dcrs/dcrs.scheduler.js';
import { INTERVAL_NAME as REMINDERS } from '../notifications/notifications.scheduler.js';
import { INTERVAL_NAME as PROBE_MODELS } from '../probing/probe.scheduler.js';
import { MODEL_UPDATE_INTERVAL, NEURAL_SIGNAL_INTERVAL } from '../realtime/realtime.scheduler.js';
import { INTERVAL_NAME as SLO_BURN_CHECK } from '../slo/slo.scheduler.js';

export interface ExpectedSchedule {
  kind: 'interval' | 'cron';
  name: string;
}

export interface RegisteredSchedules {
  intervals: readonly string[];
  cronJobs: readonly { name: string; active: boolean }[];
}

export function expectedSchedules(config: AppConfig): ExpectedSchedule[] {
  const expected: ExpectedSchedule[] = [];
  const interval = (name: string, on: boolean): void => {
    if (on) expected.push({ kind: 'interval', name });
  };
  interval(PROBE_MODELS, config.probing.intervalMs > 0);
  if (config.dcrs.cron !== null) expected.push({ kind: 'cron', name: DCRS_DAILY });
  interval(ALERT_SWEEP, config.alerts.checkIntervalMs > 0);
  interval(REMINDERS, config.alerts.checkIntervalMs > 0 && config.alerts.remindMinutes > 0);
  interval(MODEL_UPDATE_INTERVAL, config.realtime.modelUpdateIntervalMs > 0);
  interval(NEURAL_SIGNAL_INTERVAL, config.realtime.neuralSignalIntervalMs > 0);
  interval(SLO_BURN_CHECK, config.insight.sloCheckIntervalMs > 0);
  return expected;
}

/** The names of the triggers that should run and do not, in a stable order. */
export function schedulesNotRunning(expected: readonly ExpectedSchedule[], registered: RegisteredSchedules): string[] {
  const intervals = new Set(registered.intervals);
  const activeJobs = new Set(registered.cronJobs.filter((job) => job.active).map((job) => job.name));
  const missing = expected
    .filter(
      (schedule) => !(schedule.kind === 'interval' ? intervals.has(schedule.name) : activeJobs.has(schedule.name)),
    )
    .map((schedule) => schedule.name);
  const stopped = registered.cronJobs
    .filter((job) => !job.active && !missing.includes(job.name))
    .map((job) => job.name);
  return [...missing, ...stopped.sort()];
}
