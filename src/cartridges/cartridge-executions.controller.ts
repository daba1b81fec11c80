import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { CartridgeIngestService } from './cartridge-ingest.service.js';
import { CartridgeRunnerService } from './cartridge-runner.service.js';
import { CartridgesService } from './cartridges.service.js';
import { CartridgeExecutionParams } from './dto/cartridge-execution.params.js';
import { CartridgeNameParams } from './dto/cartridge-name.params.js';
import { CartridgeResultRequest } from './dto/cartridge-result.request.js';
import { CartridgeResultsQuery } from './dto/cartridge-results.query.js';
import { toExecutionResponse } from './dto/cartridge.mapper.js';
import {
  CartridgeExecutionDetailResponse,
  CartridgeExecutionResponse,
  CartridgeResultsResponse,
} from './dto/cartridge.response.js';

@ApiTags('cartridges')
@Controller('api/cartridges/:name')
export class CartridgeExecutionsController {
  constructor(
    private readonly cartridges: CartridgesService,
    private readonly runner: CartridgeRunnerService,
    private readonly ingestion: CartridgeIngestService,
  ) {}

  @Get('results')
  @RequiresAccess('read')
  @ApiOperation({
    summary: "List a cartridge's executions",
    description:
      "A cartridge's most recent executions, newest first: status, timing, summary, where it came from " +
      '(the built-in runner or a worker) and the model it ran on.',
  })
  @ApiOkResponse({ type: CartridgeResultsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  results(
    @Param() params: CartridgeNameParams,
    @Query() query: CartridgeResultsQuery,
  ): Promise<CartridgeResultsResponse> {
    return this.cartridges.results(params.name, query.limit);
  }

  @Get('results/:id')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get one execution',
    description: "One execution of a cartridge as listed, with its output (the runner's per-check results).",
  })
  @ApiOkResponse({ type: CartridgeExecutionDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  result(@Param() params: CartridgeExecutionParams): Promise<CartridgeExecutionDetailResponse> {
    return this.cartridges.result(params.name, params.id);
  }

  @Post('results')
  @RequiresAccess('ingest')
  @ApiOperation({
    summary: 'Report an execution (ingest or admin)',
    description:
      'A worker outside the process reports an execution of the cartridge, with a key from INGEST_API_KEYS ' +
      'or the admin key. The same Idempotency-Key with the same body answers the first answer again and ' +
      'writes nothing; with another body it is a 409. A request refused with a 4xx stores nothing.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1 to 200 characters, one per execution' })
  @ApiCreatedResponse({
    type: CartridgeExecutionResponse,
    description: 'Recorded, or a replay (header Idempotent-Replayed: true)',
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Names the field; nothing is written' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The key was used with another body' })
  async report(
    @Param() params: CartridgeNameParams,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CartridgeResultRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CartridgeExecutionResponse> {
    const outcome = await this.ingestion.ingest(params.name, idempotencyKey, body);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.execution;
  }

  @Post('run')
  @HttpCode(202)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Run a cartridge now (admin)',
    description:
      "Runs the cartridge's check set now, in the background, trying its models in order (the routing " +
      'primary and fallbacks, or those it depends on) until one answers. Poll results/{id} for the outcome.',
  })
  @ApiAcceptedResponse({ type: CartridgeExecutionResponse, description: 'The execution, status running' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'A run of this cartridge is going' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'No check set, or no model to run on' })
  async run(@Param() params: CartridgeNameParams): Promise<CartridgeExecutionResponse> {
    return toExecutionResponse(await this.runner.runNow(params.name));
  }
}
