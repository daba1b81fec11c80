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
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
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
  @ApiOperation({
    summary: 'Start a manual test (admin)',
    description:
      'Runs the evaluation suite on the named models (exact names, duplicates dropped; none: every model ' +
      'that can be probed) in the background, and updates their scores as a DCRS run does. One run at a ' +
      'time: later requests wait in a queue of MANUAL_TEST_QUEUE_MAX (`queued` with `queue_position`).',
  })
  @ApiAcceptedResponse({ type: ManualTestAcceptedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Bad body or an unknown model name' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'A named model cannot be probed' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'The queue is full' })
  start(@Body() body: ManualTestRequest): Promise<ManualTestAcceptedResponse> {
    return this.manualTests.request(body.models);
  }

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List manual tests',
    description: 'The 20 most recent manual test runs, newest first, with their per-model results.',
  })
  @ApiOkResponse({ type: ManualTestRunListResponse })
  @ApiMalformedRequestResponse()
  recent(): Promise<ManualTestRunListResponse> {
    return this.manualTests.recent();
  }

  @Get(':run_id')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get one manual test',
    description: 'One manual test run, from queued or testing to completed, with its per-model results.',
  })
  @ApiOkResponse({ type: ManualTestRunResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ManualTestRunIdParams): Promise<ManualTestRunResponse> {
    return this.manualTests.get(params.run_id);
  }
}
