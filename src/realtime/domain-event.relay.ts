// Forwards the domain events that dashboards care about to the realtime clients, unchanged apart
// from the envelope. The publishing features know nothing of this.
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type {
  AlertEvent,
  CartridgeResultEvent,
  DcrsProgressEvent,
  ManualTestFinishedEvent,
  DomainEventName,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import { RealtimePublisher } from './realtime.publisher.js';

/** @OnEvent with the name checked against the domain event map. */
const OnDomainEvent = (name: DomainEventName): MethodDecorator => OnEvent(name);

@Injectable()
export class DomainEventRelay {
  constructor(private readonly publisher: RealtimePublisher) {}

  @OnDomainEvent('alert.opened')
  alertOpened(alert: AlertEvent): void {
    this.publisher.publish('alert', { state: 'opened', alert });
  }

  @OnDomainEvent('alert.resolved')
  alertResolved(alert: AlertEvent): void {
    this.publisher.publish('alert', { state: 'resolved', alert });
  }

  @OnDomainEvent('dcrs.progress')
  dcrsProgress(progress: DcrsProgressEvent): void {
    this.publisher.publish('dcrs_progress', progress);
  }

  @OnDomainEvent('cartridge.result')
  cartridgeResult(result: CartridgeResultEvent): void {
    this.publisher.publish('cartridge_result', result);
  }

  @OnDomainEvent('manual_test.finished')
  manualTestFinished(run: ManualTestFinishedEvent): void {
    this.publisher.publish('manual_test_result', run);
  }

  @OnDomainEvent('routing.changed')
  routingChanged(decision: RoutingChangedEvent): void {
    this.publisher.publish('routing_changed', decision);
  }
}
