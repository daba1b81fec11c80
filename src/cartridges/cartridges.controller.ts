import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ApiMalformedRequestResponse, ErrorResponse } from '../common/error.response.js';
import { CartridgeAdminService } from './cartridge-admin.service.js';
import { CartridgesService } from './cartridges.service.js';
import { CartridgeNameParams } from './dto/cartridge-name.params.js';
import { CreateCartridgeRequest, DeleteCartridgeQuery, UpdateCartridgeRequest } from './dto/cartridge-write.request.js';
import { CartridgeDetailResponse, CartridgeListResponse } from './dto/cartridge.response.js';

@ApiTags('cartridges')
@Controller('api/cartridges')
export class CartridgesController {
  constructor(
    private readonly cartridges: CartridgesService,
    private readonly admin: CartridgeAdminService,
  ) {}

  @Get()
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'List the cartridges',
    description:
      'Every cartridge with its status (idle, healthy, degraded, failing or stale), last execution, success ' +
      'rate over 30 days, schedule and the models it depends on.',
  })
  @ApiOkResponse({ type: CartridgeListResponse })
  @ApiMalformedRequestResponse()
  list(): Promise<CartridgeListResponse> {
    return this.cartridges.list();
  }

  @Get(':name')
  @RequiresAccess('read')
  @ApiOperation({
    summary: 'Get one cartridge',
    description: 'One cartridge as listed, with its check set and when it was created and last changed.',
  })
  @ApiOkResponse({ type: CartridgeDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@Param() params: CartridgeNameParams): Promise<CartridgeDetailResponse> {
    return this.cartridges.detail(params.name);
  }

  @Post()
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Add a cartridge (admin)',
    description:
      'Adds a cartridge with an optional schedule (five-field cron and IANA time zone), check set (cases in ' +
      "the evaluation suite's format) and list of models it depends on; with a schedule and a check set the " +
      'built-in runner runs it from now on.',
  })
  @ApiCreatedResponse({ type: CartridgeDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Names the field (and the case of a check set)' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateCartridgeRequest): Promise<CartridgeDetailResponse> {
    return this.admin.create(body);
  }

  @Patch(':name')
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Change a cartridge (admin)',
    description:
      "Changes any of a cartridge's name, description, schedule, check set or models; `null` clears a field. " +
      'Its schedule is registered again at once.',
  })
  @ApiOkResponse({ type: CartridgeDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(@Param() params: CartridgeNameParams, @Body() body: UpdateCartridgeRequest): Promise<CartridgeDetailResponse> {
    return this.admin.update(params.name, body);
  }

  @Delete(':name')
  @HttpCode(204)
  @RequiresAccess('admin')
  @ApiOperation({
    summary: 'Remove a cartridge (admin)',
    description:
      '`history` is required: `keep` hides the cartridge but keeps its executions (its name gets a ' +
      '` (removed #id)` suffix and is free again), `delete` removes them too.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'history is missing or not keep|delete' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: CartridgeNameParams, @Query() query: DeleteCartridgeQuery): Promise<void> {
    return this.admin.remove(params.name, query.history);
  }
}
