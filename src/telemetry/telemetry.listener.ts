// Counts the domain facts the metrics are made of. Listening (instead of being called) keeps the
// features free of any metrics code.
import { Injectable } from '@nestjs/common';
import type {
  CartridgeResultEvent,
  DcrsProgressEvent,
  NotificationDeliveryFinishedEvent,
  ProbeCompletedEvent,
  ProbeResultsBufferedEvent,
  ProbeResultsDroppedEvent,
} from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import { TelemetryMetrics } from './telemetry.metrics.js';

@Injectable()
export class TelemetryListener {
  constructor(private readonly metrics: TelemetryMetrics) {}

  @OnDomainEvent('probe.completed')
  probeCompleted(probe: ProbeCompletedEvent): void {
    const labels = { model: probe.model, mode: probe.mode, outcome: probe.ok ? 'success' : 'failure' };
    this.metrics.probes.inc(labels);
    this.metrics.probeLatency.observe(labels, probe.latencyMs / 1000);
    if (probe.ttftMs !== null)
      this.metrics.probeTtft.observe({ model: probe.model, mode: probe.mode }, probe.ttftMs / 1000);
  }

  @OnDomainEvent('probe.results_buffered')
  resultsBuffered(buffer: ProbeResultsBufferedEvent): void {
    this.metrics.resultsBuffered.set(buffer.buffered);
  }

  @OnDomainEvent('probe.results_dropped')
  resultsDropped(dropped: ProbeResultsDroppedEvent): void {
    this.metrics.resultsDropped.inc({ reason: dropped.reason }, dropped.count);
  }

  @OnDomainEvent('dcrs.progress')
  dcrsProgress(progress: DcrsProgressEvent): void {
    if (progress.phase !== 'completed' && progress.phase !== 'failed' && progress.phase !== 'interrupted') return;
    this.metrics.dcrsRuns.inc({ outcome: progress.phase });
    if (progress.durationMs !== undefined) {
      this.metrics.dcrsRunDuration.observe({ outcome: progress.phase }, progress.durationMs / 1000);
    }
  }

  @OnDomainEvent('cartridge.result')
  cartridgeResult(result: CartridgeResultEvent): void {
    this.metrics.cartridgeExecutions.inc({ cartridge: result.cartridge, status: result.execution.status });
  }

  @OnDomainEvent('notification.delivery_finished')
  deliveryFinished(delivery: NotificationDeliveryFinishedEvent): void {
    this.metrics.notificationDeliveries.inc({ channel_kind: delivery.channelKind, outcome: delivery.outcome });
  }
}
