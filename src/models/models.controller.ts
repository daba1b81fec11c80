import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from './dto/model-id.params.js';
import { CreateModelRequest, DeleteModelQuery, UpdateModelRequest } from './dto/model-write.request.js';
import { ModelDetailResponse, ModelListResponse, ModelResponse } from './dto/model.response.js';
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
      'UPTIME_WINDOW_HOURS, status and probe mode, plus the mean of the last scores (`average_score`).',
  })
  @ApiOkResponse({ type: ModelListResponse })
  @ApiMalformedRequestResponse()
  list(): Promise<ModelListResponse> {
    return this.models.list();
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
