// The leader's lease: a PostgreSQL session advisory lock held on a connection of its own. It belongs
// to that session, so it is released the moment the holder's connection ends, including when the
// process is killed (-9) and the kernel closes its socket; nothing has to expire.
import pg from 'pg';

/** Advisory locks are per database: this only meets instances on the same database. */
export const LEADER_LOCK_KEY = 727_002;

export class LeaderLockRepository {
  private client: pg.Client | null = null;
  private broken = false;

  constructor(
    private readonly url: string,
    /** A query on the lock's connection that takes longer counts as a lost connection. */
    private readonly queryTimeoutMs: number,
    private readonly onLost: (reason: string) => void,
  ) {}

  /** Tries to take the lock without waiting; true when this session now holds it. */
  async tryAcquire(): Promise<boolean> {
    const client = await this.connection();
    const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1) AS acquired', [
      LEADER_LOCK_KEY,
    ]);
    return rows[0]?.acquired === true;
  }

  /** Whether the session holding the lock still answers (the lock lives exactly as long as it). */
  async stillHeld(): Promise<boolean> {
    if (!this.client || this.broken) return false;
    const { rows } = await this.client.query<{ held: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objid = $1 AND granted) AS held",
      [LEADER_LOCK_KEY],
    );
    return rows[0]?.held === true;
  }

  /** Ends the session, which releases the lock if it is held. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    try {
      await client.end();
    } catch {
      // Already gone: the lock went with it.
    }
  }

  private async connection(): Promise<pg.Client> {
    if (this.client && !this.broken) return this.client;
    await this.close();
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'shawn-brain-leader',
      query_timeout: this.queryTimeoutMs,
      keepAlive: true,
    });
    this.broken = false;
    const lost = (reason: string): void => {
      if (this.client !== client || this.broken) return;
      this.broken = true;
      this.onLost(reason);
    };
    client.on('error', (error: Error) => lost(error.message));
    client.on('end', () => lost('the connection ended'));
    await client.connect();
    this.client = client;
    return client;
  }
}
