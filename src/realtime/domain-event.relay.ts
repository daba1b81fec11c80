// Forwards the domain events that dashboards care about to the realtime clients, as the wire payloads
// of domain-event.mapper.ts. The publishing features know nothing of this.
import { Injectable } from '@nestjs/common';
import type {
  AlertEvent,
  CartridgeResultEvent,
  DcrsProgressEvent,
  ManualTestFinishedEvent,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import {
  toAlertPayload,
  toCartridgeResultPayload,
  toDcrsProgressPayload,
  toManualTestResultPayload,
  toRoutingChangedPayload,
} from './domain-event.mapper.js';
import { RealtimePublisher } from './realtime.publisher.js';

@Injectable()
export class DomainEventRelay {
  constructor(private readonly publisher: RealtimePublisher) {}

  @OnDomainEvent('alert.opened')
  alertOpened(alert: AlertEvent): void {
    this.publisher.publish('alert', { state: 'opened', alert: toAlertPayload(alert) });
  }

  @OnDomainEvent('alert.resolved')
  alertResolved(alert: AlertEvent): void {
    this.publisher.publish('alert', { state: 'resolved', alert: toAlertPayload(alert) });
  }

  @OnDomainEvent('dcrs.progress')
  dcrsProgress(progress: DcrsProgressEvent): void {
    this.publisher.publish('dcrs_progress', toDcrsProgressPayload(progress));
  }

  @OnDomainEvent('cartridge.result')
  cartridgeResult(result: CartridgeResultEvent): void {
    this.publisher.publish('cartridge_result', toCartridgeResultPayload(result));
  }

  @OnDomainEvent('manual_test.finished')
  manualTestFinished(run: ManualTestFinishedEvent): void {
    this.publisher.publish('manual_test_result', toManualTestResultPayload(run));
  }

  @OnDomainEvent('routing.changed')
  routingChanged(decision: RoutingChangedEvent): void {
    this.publisher.publish('routing_changed', toRoutingChangedPayload(decision));
  }
}
