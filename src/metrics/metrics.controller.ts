import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { MetricListResponse, MetricSeriesResponse } from './dto/metric.response.js';
import { MetricsQuery } from './dto/metrics.query.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('metrics')
@ApiExtraModels(MetricListResponse, MetricSeriesResponse)
@Controller('api/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List measured calls, or their hourly or daily series',
    description:
      'Measured calls (probes, evaluation cases and demo history) of the last `days` (24 h each), for every ' +
      'model or only `model_id`. `resolution=raw` (default up to 2 days): one row per call, newest first, at ' +
      'most `limit` rows. `hour` (default up to 60 days) or `day` (beyond): one point per model and UTC bucket ' +
      'from the rollups (calls, uptime, errors by kind, mean score, latency p50/p95/p99, TTFT p50/p95, ' +
      'tokens/s p50, token and cost sums), newest first, at most `limit` points.',
  })
  @ApiOkResponse({
    description: 'Raw rows (resolution raw) or aggregated points (resolution hour or day)',
    schema: { oneOf: [{ $ref: getSchemaPath(MetricListResponse) }, { $ref: getSchemaPath(MetricSeriesResponse) }] },
  })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'model_id names no model' })
  recent(@Query() query: MetricsQuery): Promise<MetricListResponse | MetricSeriesResponse> {
    return this.metrics.recent(query);
  }
}
