// The React dashboard (dashboard/, built into dashboard/dist by `npm run build`) that the server hands
// out under /dashboard. The folder is read at start; when it holds no index.html the server still
// starts, says so once in the log, and /dashboard answers 404.
import { isAbsolute, resolve } from 'node:path';
import type { EnvReader } from './env-parsers.js';

export interface DashboardConfig {
  /** The built dashboard (absolute); null: not served at all. */
  readonly distPath: string | null;
}

export function readDashboardConfig(read: EnvReader, cwd: string = process.cwd()): DashboardConfig {
  const raw = read.string('DASHBOARD_PATH', 'dashboard/dist');
  if (raw.toLowerCase() === 'off') return { distPath: null };
  return { distPath: isAbsolute(raw) ? raw : resolve(cwd, raw) };
}
