import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { MaintenanceWindowIdParams } from './dto/maintenance-window-id.params.js';
import { CreateMaintenanceWindowRequest } from './dto/maintenance-window.request.js';
import { MaintenanceWindowListResponse, MaintenanceWindowResponse } from './dto/maintenance-window.response.js';
import { MaintenanceService } from './maintenance.service.js';

@ApiTags('maintenance')
@Controller('api/maintenance-windows')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List the maintenance windows',
    description:
      'Every planned window, one-off or recurring (cron in UTC with a duration), with whether it is under way ' +
      'and its current or next occurrence.',
  })
  @ApiOkResponse({ type: MaintenanceWindowListResponse })
  @ApiMalformedRequestResponse()
  list(): Promise<MaintenanceWindowListResponse> {
    return this.maintenance.list();
  }

  @Post()
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Plan a maintenance window (admin)',
    description:
      'One model (model_id) or every model (null): `starts_at` + `ends_at`, or `cron` + `duration_minutes`. ' +
      'During a window probes still run and are stored, but count neither in uptime nor in SLO budgets, raise ' +
      'no alert, and the model status reads `maintenance`.',
  })
  @ApiCreatedResponse({ type: MaintenanceWindowResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'A field is missing or invalid (named)' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such model' })
  create(@Body() body: CreateMaintenanceWindowRequest): Promise<MaintenanceWindowResponse> {
    return this.maintenance.create(body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Remove a maintenance window (admin)', description: 'Removes the window at once.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: MaintenanceWindowIdParams): Promise<void> {
    return this.maintenance.remove(params.id);
  }
}
