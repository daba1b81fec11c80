// Alerts opening and resolving become notifications, sent in the background.
import { Injectable } from '@nestjs/common';
import type { AlertEvent } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';

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
