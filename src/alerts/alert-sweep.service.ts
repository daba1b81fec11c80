// The periodic side of the rules, for what time (or an admin) changes without an event: cartridges
// turning stale, and models that stopped being monitored while an alert about them was open.
import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { CartridgesService } from '../cartridges/cartridges.service.js';
import { ModelsRepository } from '../models/models.repository.js';
import { decideCartridgeStaleness, decideMonitoredModels } from './alert-rules.js';
import { AlertsService } from './alerts.service.js';

@Injectable()
export class AlertSweepService implements BeforeApplicationShutdown {
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly cartridges: CartridgesService,
    private readonly models: ModelsRepository,
    private readonly alerts: AlertsService,
  ) {}

  /** Opens or resolves cartridge_stale, resolves alerts of models no longer monitored. A sweep under way is joined. */
  sweep(): Promise<void> {
    this.sweeping ??= this.run().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweeping?.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const [{ cartridges }, models] = await Promise.all([this.cartridges.list(), this.models.findEnabled()]);
    const names = models.map((m) => m.name);
    await this.alerts.evaluate('periodic sweep', (open) => [
      ...decideCartridgeStaleness(cartridges, open),
      ...decideMonitoredModels(names, open),
    ]);
  }
}
