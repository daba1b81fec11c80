// Pushes model updates, neural signals and the dashboards' domain events to browsers over
// Socket.io (/socket.io) and the seed's plain WebSocket (/ws), both on the HTTP port.
// It exports only RealtimeConnections (read-only counts): features publish domain events through
// DomainEventBus, never to the transports.
import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module.js';
import { DomainEventRelay } from './domain-event.relay.js';
import { ModelFeed } from './model-feed.js';
import { RawWsEndpoint } from './raw-ws.endpoint.js';
import { RealtimeConnections } from './realtime-connections.js';
import { RealtimeRelay } from './realtime-relay.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimePublisher } from './realtime.publisher.js';
import { RealtimeScheduler } from './realtime.scheduler.js';

@Module({
  imports: [ModelsModule],
  providers: [
    RealtimeRelay,
    RealtimePublisher,
    ModelFeed,
    RealtimeScheduler,
    DomainEventRelay,
    RealtimeGateway,
    RawWsEndpoint,
    RealtimeConnections,
  ],
  exports: [RealtimeConnections],
})
export class RealtimeModule {}
