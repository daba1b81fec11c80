// The one way schedulers register a periodic trigger: named in SchedulerRegistry (so it is visible
// and removable) and stopped at shutdown. `tick` must catch its own errors (the schedulers' ticks log them).
import type { SchedulerRegistry } from '@nestjs/schedule';

export function startInterval(
  registry: SchedulerRegistry,
  name: string,
  everyMs: number,
  tick: () => Promise<void>,
): void {
  registry.addInterval(
    name,
    setInterval(() => void tick(), everyMs),
  );
}

export function stopInterval(registry: SchedulerRegistry, name: string): void {
  if (registry.doesExist('interval', name)) registry.deleteInterval(name);
}
