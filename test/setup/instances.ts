// Several real application processes on one scratch PostgreSQL database and the local Redis, for the
// tests of what must hold across instances (never by faking the other instance). The compiled app
// runs in child processes: `npm run build` once (a lock keeps concurrent test files from building
// together; a stamp skips it while nothing changed), then each instance is `node dist/src/main.js` on
// a free port. Every instance of one test file shares its database and its Redis key prefix; the
// prefix is unique per file, so that other files and other runs on the same Redis never meet.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createScratchPostgres, type ScratchDatabase } from '../../scripts/scratch-postgres.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const BUILD_LOCK = join(ROOT, 'dist', '.instances-build.lock');
const BUILD_STAMP = join(ROOT, 'dist', '.instances-build.stamp');
/** What the build reads: a change to any of these makes the stamp stale. */
const BUILD_INPUTS = ['src', 'scripts', 'bench', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

export interface InstanceOptions {
  /** Shown in failures and log dumps, e.g. "a", "b". */
  name: string;
  /** Settings over the harness defaults (see baseEnv). */
  env?: Record<string, string>;
  /** Wait for GET /api/health/ready to answer 200 (default true). */
  waitReady?: boolean;
}

export interface Instance {
  name: string;
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every stdout and stderr line so far, in arrival order. */
  lines: string[];
  /** Settles with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resolves with the first line (already seen or to come) that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  waitReady(timeoutMs?: number): Promise<void>;
  /** SIGTERM, then waits for the exit (SIGKILL after 20 s). */
  stop(): Promise<number | string>;
  /** SIGKILL: no shutdown hook runs, connections just drop. */
  kill(): Promise<number | string>;
}

interface FileState {
  database: ScratchDatabase;
  redisPrefix: string;
  pool: pg.Pool;
}

let fileState: Promise<FileState> | null = null;
let built: Promise<void> | null = null;
const running = new Set<ChildProcess>();

function requiredEnv(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for the instances tests`);
  return value;
}

/** The scratch database and Redis prefix of this test file, made on first use. */
function state(): Promise<FileState> {
  fileState ??= (async () => {
    const database = await createScratchPostgres(requiredEnv('TEST_DATABASE_URL'));
    const redisPrefix = `shawn-test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}:`;
    return { database, redisPrefix, pool: new pg.Pool({ connectionString: database.url, max: 3 }) };
  })();
  return fileState;
}

/** The database every instance of this test file uses, to read rows back. */
export async function instancesDatabase(): Promise<pg.Pool> {
  return (await state()).pool;
}

export async function instancesRedisPrefix(): Promise<string> {
  return (await state()).redisPrefix;
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(MAIN) || !existsSync(BUILD_STAMP)) return false;
  const stamp = statSync(BUILD_STAMP).mtimeMs;
  return BUILD_INPUTS.every((input) => newestChange(join(ROOT, input)) <= stamp);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the build lock (a directory: mkdir is atomic), clearing one left by a process that died. */
async function lockBuild(): Promise<() => void> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      return () => rmSync(BUILD_LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8'));
    } catch {
      // Made but not written yet: give the holder a moment.
    }
    if (Number.isInteger(holder) && !isAlive(holder)) rmSync(BUILD_LOCK, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`the build lock ${BUILD_LOCK} was held for over 5 minutes`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** `npm run build`, once per change of the sources, whichever test file asks first. */
export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    if (buildIsCurrent()) return;
    const unlock = await lockBuild();
    try {
      // Another file may have built while this one waited for the lock.
      if (buildIsCurrent()) return;
      const startedAt = Date.now();
      const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
      writeFileSync(BUILD_STAMP, new Date(startedAt).toISOString());
      // The stamp is as old as the start of the build: an edit made during it triggers the next one.
      utimesSync(BUILD_STAMP, startedAt / 1000, startedAt / 1000);
    } finally {
      unlock();
    }
  })();
  return built;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** What every instance starts from: quiet schedules, JSON logs at info, no demo data, high limits. */
function baseEnv(file: FileState, port: number): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: file.database.url,
    REDIS_URL: requiredEnv('TEST_REDIS_URL'),
    REDIS_PREFIX: file.redisPrefix,
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    SEED_DEMO_DATA: 'false',
    PROBE_INTERVAL_MS: '0',
    DCRS_CRON: 'off',
    RATE_LIMIT_READS: '10000',
    RATE_LIMIT_WRITES: '10000',
  };
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  await ensureBuilt();
  const file = await state();
  const port = await freePort();
  // Its own working directory, so that no developer .env fills in settings the test did not choose.
  const cwd = mkdtempSync(join(tmpdir(), `shawn-instance-${options.name}-`));
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { ...baseEnv(file, port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const watchers = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const watch of watchers) watch(line);
    });
  }
  const exited = new Promise<number | string>((done) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      rmSync(cwd, { recursive: true, force: true });
      done(code ?? signal ?? 'unknown');
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const url = `http://127.0.0.1:${port}`;
  const tail = (): string => lines.slice(-30).join('\n');

  const instance: Instance = {
    name: options.name,
    pid: child.pid ?? -1,
    port,
    url,
    lines,
    exited,
    waitForLine(pattern, timeoutMs = 20_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolveLine, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(
            new Error(
              `instance ${options.name}: no line matching ${pattern} in ${timeoutMs} ms; last lines:\n${tail()}`,
            ),
          );
        }, timeoutMs);
        const watch = (line: string): void => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolveLine(line);
        };
        watchers.add(watch);
      });
    },
    async waitReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (hasExited) throw new Error(`instance ${options.name} exited before it was ready:\n${tail()}`);
        try {
          const response = await fetch(`${url}/api/health/ready`);
          if (response.status === 200) return;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) {
          throw new Error(`instance ${options.name} not ready after ${timeoutMs} ms; last lines:\n${tail()}`);
        }
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    async stop() {
      if (hasExited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!hasExited) child.kill('SIGKILL');
      return exited;
    },
  };
  if (options.waitReady !== false) {
    try {
      await instance.waitReady();
    } catch (error) {
      await instance.kill();
      throw error;
    }
  }
  return instance;
}

/** afterAll: kills what still runs, drops the database and deletes this file's Redis keys. */
export async function stopInstances(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
  if (!fileState) return;
  const file = await fileState;
  fileState = null;
  await file.pool.end();
  await file.database.drop();
  const redis = new Redis(requiredEnv('TEST_REDIS_URL'), { lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${file.redisPrefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// A test file that crashes must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
