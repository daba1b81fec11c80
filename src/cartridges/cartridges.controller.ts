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
import { ErrorResponse } from '../common/error.response.js';
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
  @ApiOperation({ summary: 'Every cartridge with its status, last execution and 30-day success rate' })
  @ApiOkResponse({ type: CartridgeListResponse })
  list(): Promise<CartridgeListResponse> {
    return this.cartridges.list();
  }

  @Get(':name')
  @ApiOperation({ summary: 'One cartridge, its check set included' })
  @ApiOkResponse({ type: CartridgeDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  detail(@Param() params: CartridgeNameParams): Promise<CartridgeDetailResponse> {
    return this.cartridges.detail(params.name);
  }

  @Post()
  @RequiresAccess('admin')
  @ApiOperation({ summary: 'Add a cartridge, with an optional schedule, check set and model list (admin)' })
  @ApiCreatedResponse({ type: CartridgeDetailResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Names the field (and the case of a check set)' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateCartridgeRequest): Promise<CartridgeDetailResponse> {
    return this.admin.create(body);
  }

  @Patch(':name')
  @RequiresAccess('admin')
  @ApiOperation({
    summary: "Change a cartridge's name, description, schedule, check set or models; null clears (admin)",
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
  @ApiOperation({ summary: 'Remove a cartridge; ?history=keep keeps its executions, delete removes them (admin)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'history is missing or not keep|delete' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: CartridgeNameParams, @Query() query: DeleteCartridgeQuery): Promise<void> {
    return this.admin.remove(params.name, query.history);
  }
}
