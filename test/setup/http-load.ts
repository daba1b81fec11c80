// Steady HTTP load for the shutdown test: workers that send GET requests back to back over keep-alive
// connections, each request's fate recorded. `answered`: a whole response came (status and full body);
// `refused`: no byte of a response came (the connection was refused, or closed before any answer);
// `broken`: a response began and did not end, the one outcome a graceful stop must never produce.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RequestOutcome {
  path: string;
  /** Sent as X-Request-Id: the server's log lines name it. */
  id: string;
  sentAt: number;
  doneAt: number;
  outcome: 'answered' | 'refused' | 'broken';
  status?: number;
  /** The error code, for a refused or broken request. */
  code?: string;
}

export interface Load {
  readonly outcomes: readonly RequestOutcome[];
  /** How many workers have had an answer: each has its connection accepted by then. */
  workersAnswered(): number;
  stop(): Promise<void>;
}

function get(agent: Agent, port: number, path: string, id: string): Promise<RequestOutcome> {
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const done = (rest: Omit<RequestOutcome, 'path' | 'id' | 'sentAt' | 'doneAt'>): void =>
      resolve({ path, id, sentAt, doneAt: performance.now(), ...rest });
    let responded = false;
    const req = request(
      { host: '127.0.0.1', port, path, agent, headers: { Accept: 'application/json', 'X-Request-Id': id } },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined); // 'close' below decides
        res.on('close', () => {
          const body = Buffer.concat(chunks);
          const whole =
            res.complete &&
            (res.headers['content-length'] === undefined || Number(res.headers['content-length']) === body.length);
          done(whole ? { outcome: 'answered', status: res.statusCode } : { outcome: 'broken', status: res.statusCode });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!responded) done({ outcome: 'refused', code: error.code ?? error.message });
    });
    req.end();
  });
}

/** `workers` loops over `paths` in turn, each on its own keep-alive connection, until stop(). */
export function startLoad(port: number, paths: readonly string[], workers: number): Load {
  const outcomes: RequestOutcome[] = [];
  const answered = new Set<number>();
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = worker; running; i++) {
      const outcome = await get(agent, port, paths[i % paths.length], `load-${worker}-${i}`);
      outcomes.push(outcome);
      if (outcome.outcome === 'answered') answered.add(worker);
      // Refused: the server is gone or going; no need to hammer the port.
      if (outcome.outcome === 'refused') await sleep(25);
    }
    agent.destroy();
  });
  return {
    outcomes,
    workersAnswered: () => answered.size,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
