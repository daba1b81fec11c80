// Seeds a fresh database at start: the seed guide's ten models and the two cartridges, always
// (idempotent: a second start adds nothing), and a week of demo history when SEED_DEMO_DATA is on.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { buildDemoHistory } from './demo-history.js';
import { SEED_MODELS } from '../models/seed-models.js';
import { SEED_CARTRIDGES } from './seed-cartridges.js';
import { SeedRepository } from './seed.repository.js';

@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly seeds: SeedRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  async seed(): Promise<{ models: number; cartridges: number; demo: boolean }> {
    const now = this.clock.now();
    const models = await this.seeds.insertModelsIntoEmptyTable(SEED_MODELS, now);
    const cartridges = await this.seeds.insertCartridgesIntoEmptyTable(SEED_CARTRIDGES, now);
    let demo = false;
    if (this.config.database.seedDemoData && !(await this.seeds.hasDemoHistory())) {
      const history = buildDemoHistory(
        SEED_MODELS,
        SEED_CARTRIDGES.map((c) => c.name),
        now,
      );
      await this.seeds.insertDemoHistory(history);
      demo = true;
    }
    if (models + cartridges > 0 || demo) {
      this.logger.log(`Seeded ${models} models, ${cartridges} cartridges${demo ? ' and a week of demo history' : ''}`);
    }
    return { models, cartridges, demo };
  }
}
