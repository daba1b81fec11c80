import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequiresAccess } from '../auth/access.decorator.js';
import { ErrorResponse } from '../common/error.response.js';
import { ChannelIdParams } from './dto/channel-id.params.js';
import {
  ChannelListResponse,
  ChannelResponse,
  DeliveryListResponse,
  DeliveryResponse,
} from './dto/channel.response.js';
import { CreateChannelRequest, UpdateChannelRequest } from './dto/channel-write.request.js';
import { DeliveriesQuery } from './dto/deliveries.query.js';
import { NotificationChannelsService } from './notification-channels.service.js';

/** Every route is admin-only: even masked, channels say where alerts go. */
@ApiTags('notifications')
@RequiresAccess('admin')
@Controller('api/notification-channels')
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Every notification channel (URLs masked, secrets never shown) (admin)' })
  @ApiOkResponse({ type: ChannelListResponse })
  list(): Promise<ChannelListResponse> {
    return this.channels.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification channel (admin)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ChannelIdParams): Promise<ChannelResponse> {
    return this.channels.get(params.id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a webhook, Slack or Discord channel (admin)' })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid field, or a refused address' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateChannelRequest): Promise<ChannelResponse> {
    return this.channels.create(body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a channel's name, URL, secret, alert types, minimum severity or enabled flag (admin)",
  })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The channel comes from the environment' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(@Param() params: ChannelIdParams, @Body() body: UpdateChannelRequest): Promise<ChannelResponse> {
    return this.channels.update(params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a channel and its delivery log (admin)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'The channel comes from the environment' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: ChannelIdParams): Promise<void> {
    return this.channels.remove(params.id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test message now (one try) and return its delivery log entry (admin)' })
  @ApiOkResponse({ type: DeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  test(@Param() params: ChannelIdParams): Promise<DeliveryResponse> {
    return this.channels.test(params.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A channel's delivery log, newest first (admin)" })
  @ApiOkResponse({ type: DeliveryListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  deliveries(@Param() params: ChannelIdParams, @Query() query: DeliveriesQuery): Promise<DeliveryListResponse> {
    return this.channels.deliveryLog(params.id, query.limit);
  }
}
