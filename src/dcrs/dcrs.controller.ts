import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { DcrsService } from './dcrs.service.js';
import { DcrsHistoryQuery } from './dto/dcrs-history.query.js';
import { DcrsRunIdParams } from './dto/dcrs-run-id.params.js';
import {
  DcrsHistoryResponse,
  DcrsRunDetailResponse,
  DcrsRunResponse,
  DcrsRunStartedResponse,
} from './dto/dcrs.response.js';

@ApiTags('dcrs')
@Controller('api/dcrs')
export class DcrsController {
  constructor(private readonly dcrs: DcrsService) {}

  @Get('status')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get the latest completed DCRS run',
    description:
      'The latest completed run: date, duration, number of calls, mean score, best model and whether it ' +
      'changed routing. Runs still going or failed are under history and runs/{id}.',
  })
  @ApiOkResponse({ type: DcrsRunResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No run yet' })
  status(): Promise<DcrsRunResponse> {
    return this.dcrs.latest();
  }

  @Get('history')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List recent DCRS runs',
    description: 'DCRS runs started in the last `days` days (24 h each), newest first, whatever their outcome.',
  })
  @ApiOkResponse({ type: DcrsHistoryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  history(@Query() query: DcrsHistoryQuery): Promise<DcrsHistoryResponse> {
    return this.dcrs.history(query.days);
  }

  @Get('runs/:id')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get one DCRS run',
    description:
      'One run with its status (running, completed or failed), trigger (schedule or manual), duration, ' +
      'error and per-model results.',
  })
  @ApiOkResponse({ type: DcrsRunDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  run(@Param() params: DcrsRunIdParams): Promise<DcrsRunDetailResponse> {
    return this.dcrs.run(params.id);
  }

  @Post('run')
  @HttpCode(202)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Start a DCRS run (admin)',
    description:
      'Starts a DCRS run now; it evaluates every enabled, probe-able model in the background and publishes ' +
      'its progress. Poll runs/{run_id} for the outcome. Only one run at a time: 409 while one is going.',
  })
  @ApiAcceptedResponse({ type: DcrsRunStartedResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'A run is already going' })
  start(): Promise<DcrsRunStartedResponse> {
    return this.dcrs.startManualRun();
  }
}
