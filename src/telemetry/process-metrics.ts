// prom-client's default metrics (CPU, memory, handles, GC, event-loop lag) describe the process, not
// one application instance, and collecting them starts process-wide monitors (an event-loop delay
// histogram, a GC observer). So they are collected once per process, into their own registry, and
// merged with the instance's registry at each scrape; tests that boot several apps share it.
import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

export function processMetricsRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}
