import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { ModelIdParams } from '../models/dto/model-id.params.js';
import { TimelineQuery, TimelineResponse } from './dto/timeline.dto.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('models')
@Controller('api/models')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @RequiresAccess('read')
  @ApiOperation({
    summary: "A model's timeline",
    description:
      'One ordered list (oldest first) of what happened to the model over the last `days` days (1-90, default ' +
      '7): status changes with their cause, DCRS scores, routing changes, alerts opened and resolved, and ' +
      'maintenance windows. Each item: at, type, summary, details.',
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ModelIdParams, @Query() query: TimelineQuery): Promise<TimelineResponse> {
    return this.timeline.forModel(params.id, query.days ?? 7);
  }
}
