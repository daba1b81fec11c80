// Announces every newly recorded execution (built-in run finished, or worker report stored; never a
// replay) as the cartridge.result domain event, with the cartridge's new 30-day success rate.
import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '../events/domain-events.js';
import type { CartridgeExecutionEntity } from './cartridge-execution.entity.js';
import { CartridgesService } from './cartridges.service.js';
import { toCartridgeResultEvent } from './dto/cartridge.mapper.js';

@Injectable()
export class CartridgeResultPublisher {
  constructor(
    private readonly cartridges: CartridgesService,
    private readonly events: DomainEventBus,
  ) {}

  async recorded(cartridge: { id: number; name: string }, execution: CartridgeExecutionEntity): Promise<void> {
    const successRate = await this.cartridges.successRate(cartridge.id);
    this.events.publish('cartridge.result', toCartridgeResultEvent(cartridge.name, execution, successRate));
  }
}
