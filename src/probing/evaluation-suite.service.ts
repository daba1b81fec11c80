// The evaluation suite in force: EVAL_SUITE_PATH, or the bundled one. Loaded and validated once at
// start, so that a bad file stops the server with a message naming the case and the field.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { loadSuite } from '../evaluation/suite.loader.js';
import type { EvalSuite } from '../evaluation/suite.types.js';

@Injectable()
export class EvaluationSuiteService implements OnModuleInit {
  private suite?: EvalSuite;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.suite = await loadSuite(this.config.probing.suitePath);
  }

  current(): EvalSuite {
    if (!this.suite) throw new Error('The evaluation suite is not loaded yet');
    return this.suite;
  }
}
