// Open, unacknowledged critical alerts are sent again every ALERT_REMIND_MINUTES until resolved or acknowledged.
import { Inject, Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { NotificationDispatcher } from './notification-dispatcher.service.js';

@Injectable()
export class AlertRemindersService {
  private round: Promise<number> | null = null;

  constructor(
    private readonly alerts: AlertsService,
    private readonly dispatcher: NotificationDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends the reminders that are due; returns how many alerts were reminded of. A round under way is joined. */
  remindDue(): Promise<number> {
    this.round ??= this.run().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async run(): Promise<number> {
    const minutes = this.config.alerts.remindMinutes;
    if (minutes === 0) return 0;
    const due = await this.alerts.claimDueReminders(minutes);
    for (const alert of due) this.dispatcher.notify('reminder', alert);
    return due.length;
  }
}
