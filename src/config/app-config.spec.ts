import { readFileSync } from 'node:fs';
import { APP_VERSION, ConfigValidationError, parseAppConfig } from './app-config.js';

describe('parseAppConfig', () => {
  it('defaults to SQLite on :8000 with demo data outside production', () => {
    const config = parseAppConfig({});
    expect(config.app).toMatchObject({ env: 'development', port: 8000, host: '0.0.0.0', isProduction: false });
    expect(config.database).toEqual({
      engine: 'sqlite',
      url: undefined,
      path: './data/shawn-brain.sqlite',
      seedDemoData: true,
    });
    expect(config.log).toEqual({ level: 'info', pretty: true });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const config = parseAppConfig({ DATABASE_URL: 'postgres://app:secret@db:5432/shawn' });
    expect(config.database.engine).toBe('postgres');
    expect(config.database.url).toBe('postgres://app:secret@db:5432/shawn');
  });

  it('in production: no demo data and JSON logs unless asked', () => {
    const config = parseAppConfig({ NODE_ENV: 'production' });
    expect(config.database.seedDemoData).toBe(false);
    expect(config.log.pretty).toBe(false);
    expect(parseAppConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }).database.seedDemoData).toBe(true);
  });

  it('reports every invalid setting at once, naming each variable', () => {
    let caught: unknown;
    try {
      parseAppConfig({
        PORT: 'eighty',
        SEED_DEMO_DATA: 'maybe',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        CORS_ORIGINS: 'not a url',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.join('\n');
    for (const name of ['PORT', 'SEED_DEMO_DATA', 'LOG_LEVEL', 'DATABASE_URL', 'CORS_ORIGINS']) {
      expect(problems).toContain(name);
    }
  });

  it('never echoes a malformed DATABASE_URL, which may carry a password', () => {
    expect(() => parseAppConfig({ DATABASE_URL: 'postgres://user:hunter2@@:bad' })).toThrow(ConfigValidationError);
    try {
      parseAppConfig({ DATABASE_URL: 'not a url with hunter2' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('accepts a list of CORS origins', () => {
    expect(parseAppConfig({ CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' }).app.corsOrigins).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
  });

  it('APP_VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
