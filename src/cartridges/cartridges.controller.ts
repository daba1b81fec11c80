import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response.js';
import { CartridgesService } from './cartridges.service.js';
import { CartridgeNameParams } from './dto/cartridge-name.params.js';
import { CartridgeResultsQuery } from './dto/cartridge-results.query.js';
import { CartridgeListResponse, CartridgeResultsResponse } from './dto/cartridge.response.js';

@ApiTags('cartridges')
@Controller('api/cartridges')
export class CartridgesController {
  constructor(private readonly cartridges: CartridgesService) {}

  @Get()
  @ApiOperation({ summary: 'Every cartridge with its status, last execution and 30-day success rate' })
  @ApiOkResponse({ type: CartridgeListResponse })
  list(): Promise<CartridgeListResponse> {
    return this.cartridges.list();
  }

  @Get(':name/results')
  @ApiOperation({ summary: "A cartridge's recent executions, newest first" })
  @ApiOkResponse({ type: CartridgeResultsResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  results(@Param() params: CartridgeNameParams, @Query() query: CartridgeResultsQuery): Promise<CartridgeResultsResponse> {
    return this.cartridges.results(params.name, query.limit);
  }
}
