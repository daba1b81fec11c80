// Read-only view of who is connected, for the metrics: exporting this instead of the publisher
// lets other modules count clients without being able to send them anything.
import { Injectable } from '@nestjs/common';
import { RealtimePublisher } from './realtime.publisher.js';

export const REALTIME_TRANSPORTS = ['socket.io', 'ws'] as const;

@Injectable()
export class RealtimeConnections {
  constructor(private readonly publisher: RealtimePublisher) {}

  /** Open connections per transport; a transport not (or no longer) registered counts 0. */
  byTransport(): Record<(typeof REALTIME_TRANSPORTS)[number], number> {
    const counts = this.publisher.clientCountsByTransport();
    return { 'socket.io': counts.get('socket.io') ?? 0, ws: counts.get('ws') ?? 0 };
  }
}
