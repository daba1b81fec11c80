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
  @ApiOperation({ summary: 'The latest completed DCRS run' })
  @ApiOkResponse({ type: DcrsRunResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No run yet' })
  status(): Promise<DcrsRunResponse> {
    return this.dcrs.latest();
  }

  @Get('history')
  @ApiOperation({ summary: 'DCRS runs of the last N days, newest first' })
  @ApiOkResponse({ type: DcrsHistoryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  history(@Query() query: DcrsHistoryQuery): Promise<DcrsHistoryResponse> {
    return this.dcrs.history(query.days);
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One DCRS run with its per-model results' })
  @ApiOkResponse({ type: DcrsRunDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  run(@Param() params: DcrsRunIdParams): Promise<DcrsRunDetailResponse> {
    return this.dcrs.run(params.id);
  }

  @Post('run')
  @HttpCode(202)
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Start a DCRS run now (admin); it runs in the background' })
  @ApiAcceptedResponse({ type: DcrsRunStartedResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'A run is already going' })
  start(): Promise<DcrsRunStartedResponse> {
    return this.dcrs.startManualRun();
  }
}
