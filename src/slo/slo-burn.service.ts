// Checks each model's availability burn rates (5 min, 30 min, 1 h, 6 h) and opens or resolves its
// slo_burn alert (the rule is in slo-budget.ts).
import { Inject, Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service.js';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { burnRate, decideSloBurnAlerts, type BurnRates } from './slo-budget.js';
import { SloWindowSource } from './slo-window-source.js';
import { SloService } from './slo.service.js';

const MINUTE_MS = 60_000;

@Injectable()
export class SloBurnService {
  constructor(
    private readonly slos: SloService,
    private readonly source: SloWindowSource,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One check of every model with an availability objective; resolves once its alerts are applied. */
  async check(): Promise<void> {
    // Windows end just after now: a call recorded at this very instant counts.
    const now = new Date(this.clock.now().getTime() + 1);
    const thresholds = { fast: this.config.insight.sloFastBurnRate, slow: this.config.insight.sloSlowBurnRate };
    for (const { model, slo } of await this.slos.modelsWithSlo()) {
      const objective = slo.availabilityPercent;
      if (objective === null) continue;
      const rate = async (minutes: number): Promise<number | null> =>
        burnRate(
          await this.source.windowStats(model.id, new Date(now.getTime() - minutes * MINUTE_MS), now),
          objective,
        );
      const rates: BurnRates = { m5: await rate(5), m30: await rate(30), h1: await rate(60), h6: await rate(360) };
      await this.alerts.evaluate('slo.burn', (open) =>
        decideSloBurnAlerts(model.name, objective, rates, thresholds, open),
      );
    }
  }
}
