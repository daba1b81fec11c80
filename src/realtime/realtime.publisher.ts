// The one way out to realtime clients. The transports (Socket.io gateway, raw /ws endpoint)
// register themselves here; the model feed and the domain-event relay publish here. Nothing
// outside src/realtime imports a transport. With several instances, a broadcast reaches every
// instance's clients once: a transport of reach `cluster` (Socket.io, through its Redis adapter) is
// handed it on the publishing instance only, one of reach `instance` (/ws) on every instance, the
// others getting it through RealtimeRelay.
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { RealtimeRelay } from './realtime-relay.js';
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
  /** instance: delivers to this instance's clients; cluster: a delivery reaches every instance's clients. */
  readonly reach: 'instance' | 'cluster';
  clientCount(): number;
  deliver(message: RealtimeMessage<BroadcastEventName>, delivery: Delivery): void;
}

@Injectable()
export class RealtimePublisher {
  private readonly logger = new Logger(RealtimePublisher.name);
  private readonly transports = new Set<RealtimeTransport>();
  private readonly peerListeners: ((message: RealtimeMessage<BroadcastEventName>) => void)[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly relay: RealtimeRelay,
  ) {
    relay.onPeerBroadcast((message, delivery) => {
      this.deliver(message, delivery, 'instance');
      for (const listener of this.peerListeners) listener(message);
    });
  }

  /** What another instance broadcast (with REDIS_URL), for the model feed to follow the leader's delta stream. */
  onPeerBroadcast(listener: (message: RealtimeMessage<BroadcastEventName>) => void): void {
    this.peerListeners.push(listener);
  }

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

  /** Whether a broadcast may reach anyone: this instance's clients, or (with REDIS_URL) another's. */
  hasAudience(): boolean {
    return this.relay.enabled || this.hasClients();
  }

  publish<K extends BroadcastEventName>(
    type: K,
    payload: BroadcastPayloads[K],
    options: { periodic?: boolean } = {},
  ): void {
    if (!this.hasAudience()) return;
    const message = broadcastMessage(type, payload, this.clock.now());
    const delivery: Delivery = { topic: EVENT_TOPIC[type], periodic: options.periodic ?? false };
    this.deliver(message, delivery, 'cluster');
    this.relay.send(message, delivery);
  }

  /** To every transport whose reach is within `within` (a peer's broadcast: only the `instance` ones). */
  private deliver(
    message: RealtimeMessage<BroadcastEventName>,
    delivery: Delivery,
    within: RealtimeTransport['reach'],
  ): void {
    const type = message.type;
    for (const transport of this.transports) {
      if (within === 'instance' && transport.reach !== 'instance') continue;
      try {
        transport.deliver(message, delivery);
      } catch (error) {
        // One transport failing must not keep the message from the other.
        this.logger.error({ err: error, event: type }, `Realtime delivery over ${transport.name} failed`);
      }
    }
  }
}
