import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { exitOnStopSignal } from './common/stop-signals.js';
import { ConfigValidationError, type AppConfig } from './config/app-config.js';
import { loadAppConfig } from './config/environment.js';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, config);
  exitOnStopSignal(app, config.resilience.shutdownTimeoutMs, app.get(Logger));
  await app.listen(config.app.port, config.app.host);
  const where = `http://${config.app.host === '0.0.0.0' ? 'localhost' : config.app.host}:${config.app.port}`;
  app.get(Logger).log(`SHawn-Brain API on ${where} (${config.database.engine}); docs at ${where}/docs`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
