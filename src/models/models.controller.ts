import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from './dto/model-id.params.js';
import { ModelDetailResponse, ModelListResponse } from './dto/model.response.js';
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
  @ApiOperation({ summary: 'One model, with a summary of its last 24 hours of measured calls' })
  @ApiOkResponse({ type: ModelDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@Param() params: ModelIdParams): Promise<ModelDetailResponse> {
    return this.models.detail(params.id);
  }
}
