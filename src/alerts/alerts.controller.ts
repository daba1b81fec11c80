import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { AlertsService } from './alerts.service.js';
import { AlertIdParams } from './dto/alert-id.params.js';
import { AlertListResponse, AlertResponse } from './dto/alert.response.js';
import { AlertsQuery } from './dto/alerts.query.js';

@ApiTags('alerts')
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List alerts',
    description:
      'Alerts, newest first: `active=true` for the open ones only, `false` for the resolved ones, absent for ' +
      'both; `type` for one type.',
  })
  @ApiOkResponse({ type: AlertListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  list(@Query() query: AlertsQuery): Promise<AlertListResponse> {
    return this.alerts.list({ active: query.active, type: query.type, limit: query.limit });
  }

  @Post(':id/ack')
  @HttpCode(200)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Acknowledge an alert (admin)',
    description:
      'Records that someone is on it and stops its reminders; it does not resolve it. Idempotent: the first ' +
      '`acknowledged_at` stays.',
  })
  @ApiOkResponse({ type: AlertResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  acknowledge(@Param() params: AlertIdParams): Promise<AlertResponse> {
    return this.alerts.acknowledge(params.id);
  }
}
