// Feeds the domain events the alert rules care about into AlertsService. The publishers never wait:
// each decision is queued and applied in the background.
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type {
  CartridgeResultEvent,
  DcrsProgressEvent,
  ModelQuotaReadEvent,
  ModelStateChangedEvent,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import {
  decideCartridgeResultAlerts,
  decideDcrsAlerts,
  decideModelAlerts,
  decideQuotaAlerts,
  decideRoutingAlerts,
} from './alert-rules.js';
import { AlertsService } from './alerts.service.js';

@Injectable()
export class AlertRulesListener {
  constructor(
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnDomainEvent('model.state_changed')
  modelStateChanged(change: ModelStateChangedEvent): void {
    void this.alerts.evaluate('model.state_changed', (open) =>
      decideModelAlerts(change, open, { scoreDrop: this.config.alerts.scoreDrop }),
    );
  }

  @OnDomainEvent('model.quota_read')
  quotaRead(read: ModelQuotaReadEvent): void {
    void this.alerts.evaluate('model.quota_read', (open) =>
      decideQuotaAlerts(read, open, this.config.cost.quotaLowFraction),
    );
  }

  @OnDomainEvent('dcrs.progress')
  dcrsProgress(progress: DcrsProgressEvent): void {
    if (progress.phase !== 'failed' && progress.phase !== 'completed') return;
    void this.alerts.evaluate('dcrs.progress', (open) => decideDcrsAlerts(progress, open));
  }

  @OnDomainEvent('routing.changed')
  routingChanged(decision: RoutingChangedEvent): void {
    void this.alerts.evaluate('routing.changed', () => decideRoutingAlerts(decision));
  }

  @OnDomainEvent('cartridge.result')
  cartridgeResult(result: CartridgeResultEvent): void {
    // A run the server's stop interrupted says nothing about the cartridge (and comes while it stops).
    if (result.execution.status === 'interrupted') return;
    void this.alerts.evaluate('cartridge.result', (open) => decideCartridgeResultAlerts(result, open));
  }
}
