import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RoutingHistoryResponse, RoutingResponse } from './dto/routing.response.js';
import { RoutingService } from './routing.service.js';

@ApiTags('routing')
@Controller('api/routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get()
  @ApiOperation({ summary: 'Where the brain routes now: primary, ordered fallbacks, mode and why' })
  @ApiOkResponse({ type: RoutingResponse })
  current(): Promise<RoutingResponse> {
    return this.routing.current();
  }

  @Get('history')
  @ApiOperation({ summary: 'Every change of the primary (or recommendation), with the DCRS run that caused it' })
  @ApiOkResponse({ type: RoutingHistoryResponse })
  history(): Promise<RoutingHistoryResponse> {
    return this.routing.history();
  }
}
