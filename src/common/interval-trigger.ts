// The one way schedulers register a periodic trigger: named in SchedulerRegistry (so it is visible
// and removable), guarded (no overlap, failures logged, optional timeout) and stopped at shutdown.
import type { SchedulerRegistry } from '@nestjs/schedule';
import { guardTick, type TickOptions } from './guarded-tick.js';

/** Starts the interval; returns the guarded tick, for a scheduler that also runs it once early. */
export function startInterval(
  registry: SchedulerRegistry,
  name: string,
  everyMs: number,
  tick: () => Promise<void>,
  options: TickOptions,
): () => Promise<void> {
  const guarded = guardTick(name, tick, options);
  registry.addInterval(
    name,
    setInterval(() => void guarded(), everyMs),
  );
  return guarded;
}

export function stopInterval(registry: SchedulerRegistry, name: string): void {
  if (registry.doesExist('interval', name)) registry.deleteInterval(name);
}
