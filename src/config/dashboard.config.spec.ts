import { join } from 'node:path';
import { parseAppConfig } from './app-config.js';
import { readDashboardConfig } from './dashboard.config.js';
import { EnvReader } from './env-parsers.js';

describe('dashboard settings', () => {
  it('serve dashboard/dist beside the working directory by default', () => {
    expect(parseAppConfig({}).dashboard).toEqual({ distPath: join(process.cwd(), 'dashboard', 'dist') });
  });

  it('resolve a relative DASHBOARD_PATH against the working directory and keep an absolute one', () => {
    expect(readDashboardConfig(new EnvReader({ DASHBOARD_PATH: 'web/build' }), '/srv/app')).toEqual({
      distPath: '/srv/app/web/build',
    });
    expect(readDashboardConfig(new EnvReader({ DASHBOARD_PATH: '/opt/dash' }), '/srv/app')).toEqual({
      distPath: '/opt/dash',
    });
  });

  it('serve nothing with DASHBOARD_PATH=off', () => {
    expect(readDashboardConfig(new EnvReader({ DASHBOARD_PATH: 'OFF' }), '/srv/app')).toEqual({ distPath: null });
  });
});
