import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse } from '../common/error.response.js';
import { RoutingHistoryResponse, RoutingResponse } from './dto/routing.response.js';
import { RoutingService } from './routing.service.js';

@ApiTags('routing')
@Controller('api/routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get the current routing',
    description:
      'Where the brain routes now: the primary model, the ordered fallbacks, the mode (`auto` or `recommend`), ' +
      'the DCRS run that decided it and why; in `recommend` mode a change that was not applied shows under ' +
      '`recommendation`.',
  })
  @ApiOkResponse({ type: RoutingResponse })
  @ApiMalformedRequestResponse()
  current(): Promise<RoutingResponse> {
    return this.routing.current();
  }

  @Get('history')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List routing changes',
    description:
      'The last 100 changes of the primary model, applied or only recommended, newest first, with the ' +
      'DCRS run that caused each and the reason.',
  })
  @ApiOkResponse({ type: RoutingHistoryResponse })
  @ApiMalformedRequestResponse()
  history(): Promise<RoutingHistoryResponse> {
    return this.routing.history();
  }
}
