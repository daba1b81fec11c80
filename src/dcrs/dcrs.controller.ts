import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response.js';
import { DcrsService } from './dcrs.service.js';
import { DcrsHistoryQuery } from './dto/dcrs-history.query.js';
import { DcrsHistoryResponse, DcrsRunResponse } from './dto/dcrs.response.js';

@ApiTags('dcrs')
@Controller('api/dcrs')
export class DcrsController {
  constructor(private readonly dcrs: DcrsService) {}

  @Get('status')
  @ApiOperation({ summary: 'The latest DCRS run' })
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
}
