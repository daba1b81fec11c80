// Listening to the in-process domain events of an app or testing module.
import type { INestApplicationContext } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEventMap, DomainEventName } from '../../src/events/domain-events.js';

/** Every `name` event published from now on, in order. */
export function recordEvents<K extends DomainEventName>(
  app: Pick<INestApplicationContext, 'get'>,
  name: K,
): DomainEventMap[K][] {
  const events: DomainEventMap[K][] = [];
  app.get(EventEmitter2).on(name, (event: DomainEventMap[K]) => events.push(event));
  return events;
}
