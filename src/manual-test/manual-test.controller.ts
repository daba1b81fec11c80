import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { ManualTestRunIdParams } from './dto/manual-test-run-id.params.js';
import { ManualTestRequest } from './dto/manual-test.request.js';
import {
  ManualTestAcceptedResponse,
  ManualTestRunListResponse,
  ManualTestRunResponse,
} from './dto/manual-test.response.js';
import { ManualTestService } from './manual-test.service.js';

@ApiTags('manual-test')
@Controller('api/manual-test')
export class ManualTestController {
  constructor(private readonly manualTests: ManualTestService) {}

  @Post()
  @HttpCode(202)
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Test the named models (or all) with the evaluation suite in the background (admin)' })
  @ApiAcceptedResponse({ type: ManualTestAcceptedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Bad body or an unknown model name' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'A named model cannot be probed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'The queue is full' })
  start(@Body() body: ManualTestRequest): Promise<ManualTestAcceptedResponse> {
    return this.manualTests.request(body.models);
  }

  @Get()
  @ApiOperation({ summary: 'Recent manual test runs, newest first' })
  @ApiOkResponse({ type: ManualTestRunListResponse })
  recent(): Promise<ManualTestRunListResponse> {
    return this.manualTests.recent();
  }

  @Get(':run_id')
  @ApiOperation({ summary: 'One manual test run, from testing to completed, with per-model results' })
  @ApiOkResponse({ type: ManualTestRunResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ManualTestRunIdParams): Promise<ManualTestRunResponse> {
    return this.manualTests.get(params.run_id);
  }
}
