import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig, readEnvironment } from './environment.js';

describe('readEnvironment and the .env file', () => {
  let dir: string;
  let envFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shawn-env-'));
    envFile = join(dir, '.env');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fills settings from the file when it exists', () => {
    writeFileSync(envFile, '# development\nPORT=9100\nLOG_LEVEL="debug"\nCORS_ORIGINS=http://localhost:5173\n');
    const config = loadAppConfig({}, { envFile, processEnv: {} });
    expect(config.app.port).toBe(9100);
    expect(config.log.level).toBe('debug');
    expect(config.app.corsOrigins).toEqual(['http://localhost:5173']);
  });

  it('lets a real environment variable win over the file, even an empty one', () => {
    writeFileSync(envFile, 'PORT=9100\nHOST=127.0.0.1\nADMIN_API_KEY=from-the-file-0123456789\n');
    const env = readEnvironment({ envFile, processEnv: { PORT: '9200', ADMIN_API_KEY: '' } });
    expect(env).toMatchObject({ PORT: '9200', HOST: '127.0.0.1', ADMIN_API_KEY: '' });
  });

  it('reads nothing when the file does not exist, or when told not to', () => {
    expect(readEnvironment({ envFile: join(dir, 'missing.env'), processEnv: { PORT: '1' } })).toEqual({ PORT: '1' });
    writeFileSync(envFile, 'PORT=9100\n');
    expect(readEnvironment({ envFile: null, processEnv: {} })).toEqual({});
  });

  it('validates what came from the file like any other setting', () => {
    writeFileSync(envFile, 'PORT=eighty\n');
    expect(() => loadAppConfig({}, { envFile, processEnv: {} })).toThrow(/PORT must be an integer/);
  });
});
