// Serves the built React dashboard (dashboard/dist) under /dashboard: Vite's hashed files in assets/
// may be kept by browsers for a year (a new build has new names), index.html never (it names the
// current hashes), and any other GET below /dashboard gets index.html so that the client-side router
// can show a deep link. The page loads nothing inline, so the strict CSP of app.setup.ts stays as is.
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardConfig } from '../config/dashboard.config.js';

export const DASHBOARD_PREFIX = '/dashboard';
const YEAR_SECONDS = 365 * 24 * 3600;

export function serveDashboard(app: NestExpressApplication, config: DashboardConfig, logger: LoggerService): void {
  if (config.distPath === null) return;
  const index = join(config.distPath, 'index.html');
  if (!existsSync(index)) {
    logger.warn(
      `Dashboard not built (no ${index}): ${DASHBOARD_PREFIX} answers 404; \`npm run build\` builds it`,
      'Dashboard',
    );
    return;
  }
  app.useStaticAssets(join(config.distPath, 'assets'), {
    prefix: `${DASHBOARD_PREFIX}/assets`,
    maxAge: YEAR_SECONDS * 1000,
    immutable: true,
    index: false,
    fallthrough: false,
  });
  app.useStaticAssets(config.distPath, {
    prefix: DASHBOARD_PREFIX,
    index: false,
    setHeaders: (res: Response) => res.setHeader('Cache-Control', 'no-cache'),
  });
  app.use(DASHBOARD_PREFIX, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // /dashboard without the slash: relative asset URLs need the folder form.
    if (req.originalUrl === DASHBOARD_PREFIX) return res.redirect(301, `${DASHBOARD_PREFIX}/`);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
