// A PostgreSQL server of the test's own, to stop and start while the app runs on it. By default a
// throw-away cluster made with Debian's postgresql-common tools (pg_createcluster, as root or the
// postgres user) on a free port, with trust authentication, dropped afterwards: stopping it disturbs
// no other test or program on the machine. FAULT_PG_CLUSTER ("15 faulttest") with FAULT_DATABASE_URL
// points the test at an existing cluster instead, which it then stops and starts but never drops.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** "15 main" */
  cluster: string;
  /** Stops the server at once (fast mode: connections are cut, as in a restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Removes the cluster, unless it was given through FAULT_PG_CLUSTER. */
  drop(): Promise<void>;
}

/** The version of the first cluster pg_lsclusters lists (the one the machine runs). */
async function installedVersion(): Promise<string> {
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  const version = stdout.trim().split(/\s+/)[0];
  if (!version) throw new Error('pg_lsclusters lists no cluster to take the PostgreSQL version from');
  return version;
}

function control(version: string, name: string): Pick<ThrowawayPostgres, 'stop' | 'start'> {
  const ctl = (...action: string[]) =>
    run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, ...action]).then(() => undefined);
  return { stop: () => ctl('stop', '-m', 'fast'), start: () => ctl('start') };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Clusters of earlier runs whose process died before dropping them (the name carries the pid). */
async function dropOrphans(version: string): Promise<void> {
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  for (const line of stdout.trim().split('\n')) {
    const [clusterVersion, name] = line.trim().split(/\s+/);
    const pid = /^shawn_fault_(\d+)_/.exec(name ?? '')?.[1];
    if (clusterVersion === version && name && pid && !isAlive(Number(pid))) {
      await run('pg_dropcluster', [version, name, '--stop']);
    }
  }
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const given = process.env['FAULT_PG_CLUSTER'];
  if (given) {
    const url = process.env['FAULT_DATABASE_URL'];
    const [version, name] = given.trim().split(/\s+/);
    if (!url || !version || !name) {
      throw new Error('FAULT_PG_CLUSTER ("<version> <name>") needs FAULT_DATABASE_URL, the URL of that cluster');
    }
    return { url, cluster: given, ...control(version, name), drop: () => Promise.resolve() };
  }
  let version: string;
  try {
    version = await installedVersion();
  } catch (error) {
    throw new Error(
      'The fault test makes its own PostgreSQL cluster with postgresql-common (pg_lsclusters, pg_createcluster), ' +
        'which is not usable here; install it, or set FAULT_PG_CLUSTER and FAULT_DATABASE_URL to a cluster ' +
        `the test may stop and start. (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  await dropOrphans(version);
  const name = `shawn_fault_${process.pid}_${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  await run('pg_createcluster', [version, name, '--port', String(port), '--start', '--', '--auth=trust']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    cluster: `${version} ${name}`,
    ...control(version, name),
    drop: () => run('pg_dropcluster', [version, name, '--stop']).then(() => undefined),
  };
}
