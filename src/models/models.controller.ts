import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from './dto/model-id.params.js';
import { CreateModelRequest, DeleteModelQuery, UpdateModelRequest } from './dto/model-write.request.js';
import { ModelDetailResponse, ModelListResponse, ModelResponse } from './dto/model.response.js';
import { ifNoneMatchHits, wantsRevalidation } from './model-list.etag.js';
import { ModelsService } from './models.service.js';

@ApiTags('models')
@Controller('api/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List the monitored models',
    description:
      'Every monitored model with its last evaluation score, median latency of the last hour, uptime over ' +
      'UPTIME_WINDOW_HOURS, status and probe mode, plus the mean of the last scores (`average_score`). ' +
      'Served from memory, rebuilt when a model changes; `timestamp` says when it was read. The response ' +
      'carries a strong `ETag`: send it back in `If-None-Match` for a 304 while nothing changed. ' +
      '`Cache-Control: no-cache` on the request reads the database afresh.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag of an earlier answer' })
  @ApiOkResponse({ type: ModelListResponse })
  @ApiResponse({ status: 304, description: 'Not modified: the list still has the ETag sent in If-None-Match' })
  @ApiMalformedRequestResponse()
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const fresh = wantsRevalidation(request.headers['cache-control'], request.headers.pragma);
    const snapshot = await this.models.listSnapshot(fresh);
    // Every cache must ask again each time; asking costs a 304 while nothing changed.
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('ETag', snapshot.etag);
    if (ifNoneMatchHits(request.headers['if-none-match'], snapshot.etag)) {
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', snapshot.bytes.length);
    response.status(200).end(snapshot.bytes);
  }

  @Get(':id')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get one model',
    description:
      'One model as listed, with a summary of its last 24 hours of calls (count, mean score, mean and p95 ' +
      'latency) and its uptime over 24 hours, 7 days and 30 days.',
  })
  @ApiOkResponse({ type: ModelDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@Param() params: ModelIdParams): Promise<ModelDetailResponse> {
    return this.models.detail(params.id);
  }

  @Post()
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Add a model (admin)',
    description:
      'Starts monitoring a model: it is probed and evaluated from now on (unless `enabled` is false). ' +
      "`base_url` may only name the api_type's configured host or one in PROVIDER_ALLOWED_HOSTS.",
  })
  @ApiCreatedResponse({ type: ModelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateModelRequest): Promise<ModelResponse> {
    return this.models.create(body);
  }

  @Patch(':id')
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Change a model (admin)',
    description:
      "Changes any of a model's name, api_type, provider model, base URL or enabled flag; `null` returns " +
      'provider_model or base_url to the default. A taken name is a 409.',
  })
  @ApiOkResponse({ type: ModelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(@Param() params: ModelIdParams, @Body() body: UpdateModelRequest): Promise<ModelResponse> {
    return this.models.update(params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Remove a model (admin)',
    description:
      'Stops monitoring a model. `history` is required: `keep` keeps its measured history readable, ' +
      '`delete` removes it with the model.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: ModelIdParams, @Query() query: DeleteModelQuery): Promise<void> {
    return this.models.remove(params.id, query.history);
  }
}
