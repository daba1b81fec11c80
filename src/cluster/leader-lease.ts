// The leadership of several instances on one PostgreSQL database: whichever holds the leader lock
// runs the schedules. Every LEADER_CHECK_MS a follower tries to take the lock and the leader checks
// that its session still answers; a leader killed outright loses the lock with its connection, so a
// follower takes over within one check. The lock is released only at the very end of shutdown,
// after the schedulers have stopped and their last ticks have finished, so that no round overlaps.
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Leadership } from '../common/leadership.js';
import type { InstanceId } from './instance-id.js';
import { LeaderLockRepository } from './leader-lock.repository.js';

export interface LeaderLeaseOptions {
  databaseUrl: string;
  checkMs: number;
}

export class LeaderLease extends Leadership implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Leadership');
  private readonly lock: LeaderLockRepository;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly instance: InstanceId,
    private readonly options: LeaderLeaseOptions,
  ) {
    super();
    this.lock = new LeaderLockRepository(options.databaseUrl, Math.max(options.checkMs * 3, 5_000), (reason) =>
      this.stepDown(`the lock's connection was lost (${reason})`),
    );
  }

  isLeader(): boolean {
    return this.leader && !this.stopped;
  }

  /** Before the first ticks are due: the first instance up leads from its first round. */
  async onApplicationBootstrap(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.checking;
    if (this.leader) this.logger.log(`Instance ${this.instance.value} hands the schedules over`);
    this.leader = false;
    await this.lock.close();
  }

  /** One check at a time; a failed one is logged and the instance follows until the next. */
  private check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.leader) {
        if (!(await this.lock.stillHeld())) this.stepDown('the lock is no longer held');
        return;
      }
      if (await this.lock.tryAcquire()) {
        this.leader = true;
        this.logger.log(`Instance ${this.instance.value} is the leader: it runs the schedules`);
      }
    } catch (error) {
      this.stepDown(`the lock could not be checked (${error instanceof Error ? error.message : String(error)})`);
      await this.lock.close();
    }
  }

  private stepDown(reason: string): void {
    if (!this.leader) return;
    this.leader = false;
    this.logger.warn(`Instance ${this.instance.value} is no longer the leader: ${reason}`);
  }
}
