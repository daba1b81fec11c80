// Which instance runs the schedules (probe rounds, the DCRS cron, cartridge schedules, alert sweeps,
// notification retries, the realtime ticks). Every guarded tick asks before it runs, so that with
// several instances on one database each schedule fires on exactly one of them. The lease behind it
// lives in src/cluster; this layer only knows the question.

export abstract class Leadership {
  /** Whether this instance should run a scheduled tick now. */
  abstract isLeader(): boolean;
}

/** One process alone (no REDIS_URL): it always runs the schedules. */
export class SoleLeadership extends Leadership {
  isLeader(): boolean {
    return true;
  }
}
