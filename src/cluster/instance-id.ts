// Which running process this is, among several on one database: written into the rows of the runs it
// executes (so that another instance can tell a live owner from a dead one) and into leader log lines.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export class InstanceId {
  /** hostname-pid-random: the random part tells apart two processes that reuse a pid (containers). */
  readonly value: string;

  constructor(value?: string) {
    this.value = value ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  toString(): string {
    return this.value;
  }
}
