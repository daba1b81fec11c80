import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from '../models/dto/model-id.params.js';
import { ModelResponse } from '../models/dto/model.response.js';
import { ModelsService } from '../models/models.service.js';
import { ModelEvaluationResponse, ProviderListResponse } from './dto/probing.response.js';
import { ProbingService } from './probing.service.js';

@ApiTags('probing')
@Controller('api')
export class ProbingController {
  constructor(
    private readonly probing: ProbingService,
    private readonly models: ModelsService,
  ) {}

  @Get('providers')
  @ApiOperation({
    summary: 'Per api_type: configured or not, base URL host, model id and last error kind (never the key)',
  })
  @ApiOkResponse({ type: ProviderListResponse })
  providers(): Promise<ProviderListResponse> {
    return this.probing.providers();
  }

  @Post('models/:id/probe')
  @HttpCode(200)
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Probe one model now and return its updated state (admin)' })
  @ApiOkResponse({ type: ModelResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'The model cannot be probed' })
  async probe(@Param() params: ModelIdParams): Promise<ModelResponse> {
    await this.probing.probe(params.id);
    return this.models.detail(params.id);
  }

  @Post('models/:id/evaluate')
  @HttpCode(200)
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Run the evaluation suite on one model now and return every case (admin)' })
  @ApiOkResponse({ type: ModelEvaluationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'The model cannot be probed' })
  evaluate(@Param() params: ModelIdParams): Promise<ModelEvaluationResponse> {
    return this.probing.evaluate(params.id);
  }
}
