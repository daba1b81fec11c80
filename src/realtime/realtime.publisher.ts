// The one way out to realtime clients. The transports (Socket.io gateway, raw /ws endpoint)
// register themselves here; the model feed and the domain-event relay publish here. Nothing
// outside src/realtime imports a transport.
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import {
  EVENT_TOPIC,
  broadcastMessage,
  type BroadcastEventName,
  type BroadcastPayloads,
  type RealtimeMessage,
  type RealtimeTopic,
} from './realtime-events.js';

export interface Delivery {
  /** Clients whose subscription excludes this topic are skipped; null: everyone. */
  topic: RealtimeTopic | null;
  /** A periodic tick: the next one supersedes it, so a slow client may miss it rather than queue it. */
  periodic: boolean;
}

export interface RealtimeTransport {
  readonly name: string;
  clientCount(): number;
  deliver(message: RealtimeMessage<BroadcastEventName>, delivery: Delivery): void;
}

@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly transports = new Set<RealtimeTransport>();

  constructor(private readonly clock: Clock) {}

  register(transport: RealtimeTransport): void {
    this.transports.add(transport);
  }

  unregister(transport: RealtimeTransport): void {
    this.transports.delete(transport);
  }

  clientCount(): number {
    let count = 0;
    for (const transport of this.transports) count += transport.clientCount();
    return count;
  }

  /** Connected clients per transport (socket.io, ws), for the metrics. */
  clientCountsByTransport(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const transport of this.transports) counts.set(transport.name, transport.clientCount());
    return counts;
  }

  hasClients(): boolean {
    return this.clientCount() > 0;
  }

  publish<K extends BroadcastEventName>(
    type: K,
    payload: BroadcastPayloads[K],
    options: { periodic?: boolean } = {},
  ): void {
    if (!this.hasClients()) return;
    const message = broadcastMessage(type, payload, this.clock.now());
    const delivery: Delivery = { topic: EVENT_TOPIC[type], periodic: options.periodic ?? false };
    for (const transport of this.transports) {
      try {
        transport.deliver(message, delivery);
      } catch (error) {
        // One transport failing must not keep the message from the other.
        this.logger.error({ err: error, event: type }, `Realtime delivery over ${transport.name} failed`);
      }
    }
  }
}
