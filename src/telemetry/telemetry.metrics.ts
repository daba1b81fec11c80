// The application's own metrics, in a registry of this application instance (not prom-client's
// global one: tests boot several apps in one process, and each must count only its own traffic).
// Names follow Prometheus conventions: base units (seconds), _total for counters, a shawn_ prefix
// for the domain metrics. README's metrics table lists them.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** From a cached read (ms) to a slow provider call (tens of seconds). */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PROVIDER_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60];
/** A DCRS run evaluates every model on the whole suite: seconds to an hour. */
const DCRS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

@Injectable()
export class TelemetryMetrics implements OnModuleDestroy {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });

  readonly probes = new Counter({
    name: 'shawn_probes_total',
    help: 'Liveness probes of a model, by mode (live or simulated) and outcome (success or failure).',
    labelNames: ['model', 'mode', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly probeLatency = new Histogram({
    name: 'shawn_probe_latency_seconds',
    help: 'Latency of one liveness probe of a model, by outcome.',
    labelNames: ['model', 'mode', 'outcome'] as const,
    buckets: PROVIDER_BUCKETS,
    registers: [this.registry],
  });

  readonly probeTtft = new Histogram({
    name: 'shawn_probe_ttft_seconds',
    help: 'Time to the first token of a successful liveness probe of a model.',
    labelNames: ['model', 'mode'] as const,
    buckets: PROVIDER_BUCKETS,
    registers: [this.registry],
  });

  readonly modelStatus = new Gauge({
    name: 'shawn_model_status',
    help: "1 for a model's current status (healthy, degraded, down, unknown), 0 for the others.",
    labelNames: ['model', 'status'] as const,
    registers: [this.registry],
  });

  readonly modelUptime = new Gauge({
    name: 'shawn_model_uptime_ratio',
    help: "A model's probe success ratio over UPTIME_WINDOW_HOURS, 0 to 1.",
    labelNames: ['model'] as const,
    registers: [this.registry],
  });

  readonly modelEnabled = new Gauge({
    name: 'shawn_model_enabled',
    help: '1 when a model is enabled (probed, evaluated, routable), 0 when it is disabled.',
    labelNames: ['model'] as const,
    registers: [this.registry],
  });

  readonly quotaRemaining = new Gauge({
    name: 'shawn_model_quota_remaining',
    help: "What is left of a model's rate limit (requests or tokens), as its provider last said in response headers.",
    labelNames: ['model', 'resource'] as const,
    registers: [this.registry],
  });

  readonly quotaLimit = new Gauge({
    name: 'shawn_model_quota_limit',
    help: "A model's rate limit (requests or tokens per window), as its provider last said in response headers.",
    labelNames: ['model', 'resource'] as const,
    registers: [this.registry],
  });

  readonly quotaReset = new Gauge({
    name: 'shawn_model_quota_reset_timestamp_seconds',
    help: "When a model's rate limit (requests or tokens) is restored, Unix time.",
    labelNames: ['model', 'resource'] as const,
    registers: [this.registry],
  });

  readonly resultsBuffered = new Gauge({
    name: 'shawn_results_buffered',
    help: 'Probe results kept in memory because the database does not answer; written once it does.',
    registers: [this.registry],
  });

  readonly resultsDropped = new Counter({
    name: 'shawn_results_dropped_total',
    help:
      'Probe results given up, by reason: overflow (RESULT_BUFFER_MAX was reached and the oldest went) or ' +
      'refused (the database answered and refused them).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly dcrsRuns = new Counter({
    name: 'shawn_dcrs_runs_total',
    help: 'DCRS runs that ended, by outcome (completed, failed, or interrupted by a stop).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly dcrsRunDuration = new Histogram({
    name: 'shawn_dcrs_run_duration_seconds',
    help: 'How long a DCRS run took, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: DCRS_BUCKETS,
    registers: [this.registry],
  });

  readonly cartridgeExecutions = new Counter({
    name: 'shawn_cartridge_executions_total',
    help: 'Cartridge executions recorded (scheduled, manual or reported by a worker), by status.',
    labelNames: ['cartridge', 'status'] as const,
    registers: [this.registry],
  });

  readonly notificationDeliveries = new Counter({
    name: 'shawn_notification_deliveries_total',
    help: 'Notification deliveries that ended, by channel kind and outcome (delivered or failed).',
    labelNames: ['channel_kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly realtimeConnections = new Gauge({
    name: 'shawn_realtime_connections',
    help: 'Realtime clients connected now, by transport (socket.io, ws).',
    labelNames: ['transport'] as const,
    registers: [this.registry],
  });

  readonly leader = new Gauge({
    name: 'shawn_leader',
    help: '1 while this instance runs the schedules (always, for one instance without REDIS_URL), 0 while another does.',
    registers: [this.registry],
  });
  constructor() {
    // Zero from the start, so that a rate over them works before the first drop.
    for (const reason of ['overflow', 'refused']) this.resultsDropped.inc({ reason }, 0);
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
