// Load clients run in a process of their own (bench/clients/*.mjs, plain JavaScript so that both the
// compiled bench and the Jest smoke test can start them). They talk over the IPC channel: the parent
// sends commands, the child answers with one message per command; a crash rejects every wait.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ClientProcess {
  /** Sends a command and waits for the child's answer to it. */
  ask<T>(command: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export function clientScript(name: string): string {
  return resolve(process.cwd(), 'bench', 'clients', name);
}

export function startClient(name: string, options: Record<string, unknown>): ClientProcess {
  const child: ChildProcess = fork(clientScript(name), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--max-old-space-size=4096'],
  });
  let exited: Error | null = null;
  const waiters = new Set<(error: Error) => void>();
  child.on('exit', (code, signal) => {
    exited = new Error(`${name} exited (${code ?? signal})`);
    for (const fail of waiters) fail(exited);
  });
  return {
    ask<T>(command: Record<string, unknown>, timeoutMs = 120_000): Promise<T> {
      if (exited) return Promise.reject(exited);
      return new Promise<T>((resolvePromise, reject) => {
        const timer = setTimeout(() => done(new Error(`${name}: no answer to ${String(command['cmd'])}`)), timeoutMs);
        const onMessage = (message: { error?: string } & Record<string, unknown>) => {
          if (message.error) done(new Error(`${name}: ${message.error}`));
          else done(null, message as T);
        };
        const done = (error: Error | null, value?: T) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          waiters.delete(fail);
          if (error) reject(error);
          else resolvePromise(value as T);
        };
        const fail = (error: Error) => done(error);
        waiters.add(fail);
        child.on('message', onMessage);
        child.send(command);
      });
    },
    async close() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
