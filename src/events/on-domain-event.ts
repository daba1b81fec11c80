import { OnEvent } from '@nestjs/event-emitter';
import type { DomainEventMap, DomainEventName } from './domain-events.js';

type DomainEventHandler<K extends DomainEventName> = (event: DomainEventMap[K]) => unknown;

/**
 * @OnEvent for a domain event: the name must be in the event map, and the decorated method must
 * accept that event's fact (a handler written for another event does not compile).
 */
export function OnDomainEvent<K extends DomainEventName>(name: K) {
  return <H extends DomainEventHandler<K>>(
    target: object,
    method: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    OnEvent(name)(target, method, descriptor);
  };
}
