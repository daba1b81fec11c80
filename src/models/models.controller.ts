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
import { ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from './dto/model-id.params.js';
import { CreateModelRequest, DeleteModelQuery, UpdateModelRequest } from './dto/model-write.request.js';
import { ModelDetailResponse, ModelListResponse, ModelResponse } from './dto/model.response.js';
import { ModelsService } from './models.service.js';

@ApiTags('models')
@Controller('api/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @ApiOperation({ summary: 'Every monitored model with its current score, latency, uptime and status' })
  @ApiOkResponse({ type: ModelListResponse })
  list(): Promise<ModelListResponse> {
    return this.models.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One model, with its last 24 hours of calls and its 24 h, 7 d and 30 d uptime' })
  @ApiOkResponse({ type: ModelDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@Param() params: ModelIdParams): Promise<ModelDetailResponse> {
    return this.models.detail(params.id);
  }

  @Post()
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Start monitoring a model (admin)' })
  @ApiCreatedResponse({ type: ModelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateModelRequest): Promise<ModelResponse> {
    return this.models.create(body);
  }

  @Patch(':id')
  @RequiresAccess('admin')
  @ApiOperation({ summary: "Change a model's name, api_type, provider model, base URL or enabled flag (admin)" })
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
    summary: 'Stop monitoring a model; ?history=keep keeps its measured history, delete removes it (admin)',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: ModelIdParams, @Query() query: DeleteModelQuery): Promise<void> {
    return this.models.remove(params.id, query.history);
  }
}
