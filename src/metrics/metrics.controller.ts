import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { MetricListResponse } from './dto/metric.response.js';
import { MetricsQuery } from './dto/metrics.query.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('metrics')
@Controller('api/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List measured calls',
    description:
      'Measured calls (probes, evaluation cases and demo history), newest first: the last 24 hours unless ' +
      '`days` says otherwise, at most `limit` rows, for every model or only `model_id`.',
  })
  @ApiOkResponse({ type: MetricListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'model_id names no model' })
  recent(@Query() query: MetricsQuery): Promise<MetricListResponse> {
    return this.metrics.recent(query);
  }
}
