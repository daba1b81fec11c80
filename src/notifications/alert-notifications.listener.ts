// Alerts opening and resolving become notifications, sent in the background.
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AlertEvent, DomainEventName } from '../events/domain-events.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';

/** @OnEvent with the name checked against the domain event map. */
const OnDomainEvent = (name: DomainEventName): MethodDecorator => OnEvent(name);

@Injectable()
export class AlertNotificationsListener {
  constructor(private readonly dispatcher: NotificationDispatcher) {}

  @OnDomainEvent('alert.opened')
  alertOpened(alert: AlertEvent): void {
    this.dispatcher.notify('opened', alert);
  }

  @OnDomainEvent('alert.resolved')
  alertResolved(alert: AlertEvent): void {
    this.dispatcher.notify('resolved', alert);
  }
}
