// The compiled application in a child process, for what only a real process shows: how it takes a
// signal, and its exit code. Built with the project's own build (tsc -p tsconfig.build.json into
// dist/), and only when a source file is newer than the last build, so that a run after an unchanged
// build costs nothing.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** dist/src/main.js, built first if src/ (or the build settings) changed since the last build. */
export async function buildApp(): Promise<string> {
  const built = (() => {
    try {
      return statSync(MAIN).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const sources = Math.max(
    newestMtime(join(ROOT, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((file) => newestMtime(join(ROOT, file))),
  );
  if (sources > built) {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  }
  return MAIN;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** performance.now() at exit. */
  at: number;
}

export interface ChildApp {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr, line by line. */
  output: string[];
  exited: Promise<ChildExit>;
}

/**
 * Starts `node <main>` with exactly `env` (plus PATH), in an empty working directory so that no .env
 * file is read, and resolves once readiness answers 200.
 */
export async function startChildApp(
  main: string,
  env: Record<string, string>,
  bootTimeoutMs = 90_000,
): Promise<ChildApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: mkdtempSync(join(tmpdir(), 'shawn-child-')),
    env: { PATH: process.env['PATH'] ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      output.push(...lines);
    });
  }
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + bootTimeoutMs;
  let stopped: ChildExit | null = null;
  void exited.then((exit) => (stopped = exit));
  for (;;) {
    if (stopped) throw new Error(`the app exited while starting (${JSON.stringify(stopped)}):\n${output.join('\n')}`);
    try {
      if ((await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the app was not ready within ${bootTimeoutMs} ms:\n${output.join('\n')}`);
    }
    await sleep(200);
  }
  return { url, port, process: child, output, exited };
}
