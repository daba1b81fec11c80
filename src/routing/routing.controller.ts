import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { RoutingExportQuery } from './dto/routing-export.query.js';
import { RoutingHistoryResponse, RoutingResponse } from './dto/routing.response.js';
import { matchesEtag, RoutingExportService } from './routing-export.service.js';
import { RoutingService } from './routing.service.js';

@ApiTags('routing')
@Controller('api/routing')
export class RoutingController {
  constructor(
    private readonly routing: RoutingService,
    private readonly exporter: RoutingExportService,
  ) {}

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

  @Get('export')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Export the routing for a gateway',
    description:
      'The current primary and fallbacks as a ready configuration: `litellm` (proxy config.yaml: `model_list` ' +
      'and `router_settings.fallbacks`, the reasons as comments), `openrouter` (`models` and `provider.order` ' +
      'under `config`), `portkey` (a fallback config under `config`), or `json` (the decision); the JSON ' +
      'formats carry the reasons under `metadata`. A strong ETag comes with every answer: send it back in ' +
      'If-None-Match to get a 304 while the routing is unchanged.',
  })
  @ApiProduces('application/yaml', 'application/json')
  @ApiOkResponse({
    description: 'YAML for litellm, JSON for the others',
    content: {
      'application/yaml': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object', additionalProperties: true } },
    },
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match names the current ETag' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'An unknown format' })
  async export(
    @Query() query: RoutingExportQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const exported = await this.exporter.export(query.format);
    response.setHeader('ETag', exported.etag);
    response.setHeader('Cache-Control', 'no-cache');
    if (matchesEtag(ifNoneMatch, exported.etag)) {
      response.status(304).end();
      return;
    }
    response.status(200).type(exported.contentType).send(exported.body);
  }
}
