import { readFileSync } from 'node:fs';
import { APP_VERSION, ConfigValidationError, parseAppConfig } from './app-config.js';

/** The error parseAppConfig throws for this environment; fails the test when it does not throw one. */
function configError(env: Record<string, string>): ConfigValidationError {
  try {
    parseAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error(`parseAppConfig accepted ${JSON.stringify(env)}`);
}

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
    const problems = configError({
      PORT: 'eighty',
      SEED_DEMO_DATA: 'maybe',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      CORS_ORIGINS: 'not a url',
    }).problems.join('\n');
    for (const name of ['PORT', 'SEED_DEMO_DATA', 'LOG_LEVEL', 'DATABASE_URL', 'CORS_ORIGINS']) {
      expect(problems).toContain(name);
    }
  });

  it.each(['postgres://user:hunter2@@:bad', 'not a url with hunter2'])(
    'never echoes a malformed DATABASE_URL, which may carry a password: %s',
    (url) => {
      const error = configError({ DATABASE_URL: url });
      expect(error.problems).toEqual(['DATABASE_URL is not a valid URL']);
      expect(error.message).not.toContain('hunter2');
    },
  );

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
