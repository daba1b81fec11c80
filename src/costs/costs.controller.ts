import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from '../models/dto/model-id.params.js';
import { CostsResponse, ModelCostsResponse, PriceResponse } from './dto/cost.response.js';
import { CostsQuery, SetPriceRequest } from './dto/price.request.js';
import { CostsService } from './costs.service.js';

@ApiTags('costs')
@Controller('api')
export class CostsController {
  constructor(private readonly costs: CostsService) {}

  @Put('models/:id/price')
  @RequiresAccess('admin')
  @ApiOperation({
    summary: "Set a model's price (admin)",
    description:
      'The price per million input and output tokens from now on (currency USD unless given). Calls stored ' +
      'before keep the cost computed with the price in force then; the PRICES_PATH default no longer applies.',
  })
  @ApiOkResponse({ type: PriceResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  setPrice(@Param() params: ModelIdParams, @Body() body: SetPriceRequest): Promise<PriceResponse> {
    return this.costs.setPrice(params.id, body);
  }

  @Get('models/:id/costs')
  @RequiresAccess('read')
  @ApiOperation({
    summary: "Get a model's costs",
    description:
      'The price in force now and, over 24 hours, 7 days and 30 days: the cost of probes and of evaluation ' +
      'cases, tokens, cost per successful call and cost per quality point (cost per successful call divided ' +
      'by the mean evaluation score).',
  })
  @ApiOkResponse({ type: ModelCostsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  modelCosts(@Param() params: ModelIdParams): Promise<ModelCostsResponse> {
    return this.costs.modelCosts(params.id);
  }

  @Get('costs')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get cost totals',
    description:
      'What the measured calls of the last `days` days (default 30) cost, by model and by kind of call ' +
      '(probe, evaluation, manual, simulated, demo), with each model its cost per successful call and per ' +
      'quality point. Costs are summed as stored: currencies are not converted.',
  })
  @ApiOkResponse({ type: CostsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  totals(@Query() query: CostsQuery): Promise<CostsResponse> {
    return this.costs.totals(query.days);
  }
}
