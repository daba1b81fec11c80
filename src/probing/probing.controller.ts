import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
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
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List provider settings',
    description:
      'Per api_type: its wire format, whether it is configured, the host of its base URL, its default model, ' +
      'what is wrong with its settings (variable names only) and the kind and time of its last failed call. ' +
      'Keys never appear.',
  })
  @ApiOkResponse({ type: ProviderListResponse })
  @ApiMalformedRequestResponse()
  providers(): Promise<ProviderListResponse> {
    return this.probing.providers();
  }

  @Post('models/:id/probe')
  @HttpCode(200)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Probe a model now (admin)',
    description:
      'Asks one model the probe question now, records the call like a scheduled probe and returns the ' +
      "model's updated state.",
  })
  @ApiOkResponse({ type: ModelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'The model cannot be probed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'The provider asked to wait (Retry-After)' })
  async probe(@Param() params: ModelIdParams): Promise<ModelResponse> {
    await this.probing.probe(params.id);
    return this.models.detail(params.id);
  }

  @Post('models/:id/evaluate')
  @HttpCode(200)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Evaluate a model now (admin)',
    description:
      'Runs the evaluation suite on one model now, records every case as a measured call, updates the ' +
      "model's score and returns every case's result.",
  })
  @ApiOkResponse({ type: ModelEvaluationResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'The model cannot be probed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'The provider asked to wait (Retry-After)' })
  evaluate(@Param() params: ModelIdParams): Promise<ModelEvaluationResponse> {
    return this.probing.evaluate(params.id);
  }
}
