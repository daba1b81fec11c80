// The one way schedulers register a cron trigger: a named CronJob in SchedulerRegistry, in a time
// zone, guarded like the intervals (no overlap, failures logged) and stopped at shutdown. Overlap is
// guarded here rather than with cron's waitForCompletion, which skips a tick without a word.
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { guardTick, type TickOptions } from './guarded-tick.js';

export interface CronSchedule {
  cron: string;
  /** An IANA zone such as "Asia/Seoul". */
  timeZone: string;
}

export function startCronJob(
  registry: SchedulerRegistry,
  name: string,
  schedule: CronSchedule,
  tick: () => Promise<void>,
  options: TickOptions,
): void {
  const job = CronJob.from({
    cronTime: schedule.cron,
    onTick: guardTick(name, tick, options),
    timeZone: schedule.timeZone,
    start: false,
  });
  registry.addCronJob(name, job);
  job.start();
}

export function stopCronJob(registry: SchedulerRegistry, name: string): void {
  if (registry.doesExist('cron', name)) registry.deleteCronJob(name);
}
