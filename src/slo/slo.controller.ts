import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from '../models/dto/model-id.params.js';
import { PutSloRequest, SloReportQuery } from './dto/slo.request.js';
import { ModelSloResponse, SloReportResponse, SloStatusResponse } from './dto/slo.response.js';
import { reportCsv, SloService } from './slo.service.js';

@ApiTags('slo')
@Controller('api')
export class SloController {
  constructor(private readonly slos: SloService) {}

  @Put('models/:id/slo')
  @RequiresAccess('admin')
  @ApiOperation({
    summary: "Set a model's SLO (admin)",
    description:
      'Any subset of availability_percent (successful probes over window_days), latency_p95_ms, ttft_p95_ms ' +
      'and min_score; fields left out keep their value, null clears an objective.',
  })
  @ApiOkResponse({ type: ModelSloResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'A field is invalid (named)' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such model' })
  put(@Param() params: ModelIdParams, @Body() body: PutSloRequest): Promise<ModelSloResponse> {
    return this.slos.put(params.id, body);
  }

  @Get('models/:id/slo')
  @RequiresAccess('read')
  @ApiOperation({ summary: "Get a model's SLO", description: 'The objectives as set; 404 when none is set.' })
  @ApiOkResponse({ type: ModelSloResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ModelIdParams): Promise<ModelSloResponse> {
    return this.slos.get(params.id);
  }

  @Get('slo')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'SLO status of every model',
    description:
      'Per model with objectives, per objective: the current value over its window, whether it holds and, for ' +
      'availability, the error budget left and the burn rate over 1 h and 6 h. Maintenance is left out.',
  })
  @ApiOkResponse({ type: SloStatusResponse })
  @ApiMalformedRequestResponse()
  status(): Promise<SloStatusResponse> {
    return this.slos.status();
  }

  @Get('slo/report')
  @RequiresAccess('read')
  @ApiExtraModels(SloReportResponse)
  @ApiOperation({
    summary: 'Monthly SLO report',
    description:
      'Each objective of each model over one calendar month (UTC): value, whether it held, budget left. JSON, ' +
      'or CSV with format=csv or Accept: text/csv.',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SloReportResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'month is not YYYY-MM, or format is unknown' })
  async report(
    @Query() query: SloReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SloReportResponse | string> {
    const report = await this.slos.report(query.month);
    const csv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/i.test(accept ?? ''));
    if (!csv) return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="slo-report-${report.month}.csv"`);
    return reportCsv(report);
  }
}
