import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { DcrsRunIdParams } from '../dcrs/dto/dcrs-run-id.params.js';
import { CompareRunsQuery } from './dto/compare.query.js';
import { RunComparisonResponse } from './dto/run-comparison.response.js';
import { RegressionsService } from './regressions.service.js';

@ApiTags('dcrs')
@Controller('api/dcrs')
export class RegressionsController {
  constructor(private readonly regressions: RegressionsService) {}

  @Get('runs/:id/compare')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Compare a DCRS run with a baseline run',
    description:
      'Per model: the score delta, the cases that flipped pass→fail and fail→pass, and the provider fingerprint ' +
      'in each run. The baseline defaults to the previous completed run of the same suite (same content hash); ' +
      'runs of different suites answer comparable: false with the reason instead of a comparison.',
  })
  @ApiOkResponse({ type: RunComparisonResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'The run or the baseline does not exist' })
  compare(@Param() params: DcrsRunIdParams, @Query() query: CompareRunsQuery): Promise<RunComparisonResponse> {
    return this.regressions.compare(params.id, query.baseline);
  }
}
