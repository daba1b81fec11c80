// Opens, records and resolves alerts as the rules decide, one decision at a time, and publishes
// alert.opened / alert.resolved. Also the API's reads and acknowledgements, and reminder claims.
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { SerialQueue } from '../common/background-work.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/domain-error.js';
import { DomainEventBus, type AlertEvent } from '../events/domain-events.js';
import { noticeKey, openKey, type AlertAction, type OpenAlertKeys } from './alert-rules.js';
import type { AlertEntity } from './alert.entity.js';
import { AlertsRepository, type AlertFilter } from './alerts.repository.js';
import { toAlertEvent, toAlertResponse } from './dto/alert.mapper.js';
import type { AlertListResponse, AlertResponse } from './dto/alert.response.js';

/** A rule's decision; it may read what it needs first (it runs in the queue, so idle() waits for it). */
export type AlertDecision = (open: OpenAlertKeys) => AlertAction[] | Promise<AlertAction[]>;

@Injectable()
export class AlertsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertsService.name);
  /** Decisions run one after another, so that an open and the resolve that follows never cross. */
  private readonly decisions = new SerialQueue(this.logger);

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly events: DomainEventBus,
    private readonly clock: Clock,
  ) {}

  async list(filter: AlertFilter): Promise<AlertListResponse> {
    return { alerts: (await this.alerts.findFiltered(filter)).map(toAlertResponse) };
  }

  /** Idempotent: the first acknowledgement's time stays. */
  async acknowledge(id: number): Promise<AlertResponse> {
    if (!(await this.alerts.findById(id))) throw notFound(`Alert ${id} not found`);
    await this.alerts.acknowledge(id, this.clock.now());
    return toAlertResponse((await this.alerts.findById(id))!);
  }

  /**
   * Queues a rule decision against the alerts open at its turn. The promise settles once it is
   * applied and never rejects (a failure is logged): event handlers may drop it.
   */
  evaluate(source: string, decide: AlertDecision): Promise<void> {
    return this.decisions.push(
      'Applying alert rules',
      async () => this.apply(await decide(await this.alerts.findOpenKeys())),
      { source },
    );
  }

  /** Resolves once every queued decision is applied (tests and shutdown wait on it). */
  idle(): Promise<void> {
    return this.decisions.drain();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  /**
   * Open, unacknowledged critical alerts not told about for `remindMinutes`: each is marked as told
   * now and returned, unless another process claimed it first.
   */
  async claimDueReminders(remindMinutes: number): Promise<AlertEvent[]> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - remindMinutes * 60_000);
    const claimed: AlertEvent[] = [];
    for (const alert of await this.alerts.findDueForReminder(cutoff)) {
      if (await this.alerts.claimReminder(alert.id, cutoff, now)) claimed.push(toAlertEvent(alert));
    }
    return claimed;
  }

  private async apply(actions: readonly AlertAction[]): Promise<void> {
    for (const action of actions) {
      const at = this.clock.now();
      switch (action.action) {
        case 'open': {
          const alert = await this.alerts.insertOpen({ ...action, at }, openKey(action.type, action.subject));
          if (alert) this.announce('alert.opened', alert);
          break;
        }
        case 'notice': {
          const notice = await this.alerts.insertNotice(
            { ...action, at },
            noticeKey(action.type, action.subject, action.fact),
          );
          if (notice) this.announce('alert.opened', notice);
          break;
        }
        case 'resolve': {
          const alert = await this.alerts.resolveOpen(openKey(action.type, action.subject), at);
          if (alert) this.announce('alert.resolved', alert);
          break;
        }
        default: {
          const unreachable: never = action;
          throw new Error(`Unknown alert action ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  private announce(name: 'alert.opened' | 'alert.resolved', alert: AlertEntity): void {
    const event = toAlertEvent(alert);
    const line = { alert: event.id, type: event.type, subject: event.subject, severity: event.severity };
    if (name === 'alert.resolved') this.logger.log(line, 'Alert resolved');
    else if (event.severity === 'info') this.logger.log(line, 'Alert recorded');
    else this.logger.warn(line, 'Alert opened');
    this.events.publish(name, event);
  }
}
