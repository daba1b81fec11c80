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
  @ApiOperation({
    summary: 'List notification channels (admin)',
    description:
      'Every channel, from the API or the NOTIFY_* variables. Secrets are never shown (`has_secret` says ' +
      'whether one is set); Slack and Discord URLs show only scheme and host, webhook URLs never their query.',
  })
  @ApiOkResponse({ type: ChannelListResponse })
  list(): Promise<ChannelListResponse> {
    return this.channels.list();
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get one notification channel (admin)',
    description: 'One channel as listed, URL masked and secret never shown.',
  })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  get(@Param() params: ChannelIdParams): Promise<ChannelResponse> {
    return this.channels.get(params.id);
  }

  @Post()
  @ApiOperation({
    summary: 'Add a notification channel (admin)',
    description:
      'Adds a webhook, Slack or Discord channel that gets the alert types in `alert_types` (null: all) from ' +
      '`min_severity` up. Its URL must be http(s) without credentials and may not name a private, loopback ' +
      'or metadata address (unless its host is in WEBHOOK_ALLOWED_HOSTS); names starting `env:` are reserved.',
  })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Invalid field, or a refused address' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The name is taken' })
  create(@Body() body: CreateChannelRequest): Promise<ChannelResponse> {
    return this.channels.create(body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a notification channel (admin)',
    description:
      "Changes any of a channel's name, URL, secret, alert types, minimum severity or enabled flag (`null` " +
      'clears the secret; `alert_types: null` means every type). Channels from NOTIFY_* cannot be changed.',
  })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'The channel comes from the environment, or the key is valid but is not an admin key',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse })
  update(@Param() params: ChannelIdParams, @Body() body: UpdateChannelRequest): Promise<ChannelResponse> {
    return this.channels.update(params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a notification channel (admin)',
    description: 'Removes a channel and its delivery log. Channels from NOTIFY_* cannot be removed.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'The channel comes from the environment, or the key is valid but is not an admin key',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  remove(@Param() params: ChannelIdParams): Promise<void> {
    return this.channels.remove(params.id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a test message (admin)',
    description:
      "Sends a test message to the channel now, whatever its filters, with one try, and returns the delivery's " +
      'log entry (delivered or failed, with the HTTP status and error).',
  })
  @ApiOkResponse({ type: DeliveryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  test(@Param() params: ChannelIdParams): Promise<DeliveryResponse> {
    return this.channels.test(params.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: "List a channel's deliveries (admin)",
    description:
      'The delivery log of a channel, newest first: each opening, resolution, reminder or test sent, its ' +
      'status (pending, delivered or failed), tries, last HTTP status and error.',
  })
  @ApiOkResponse({ type: DeliveryListResponse })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  deliveries(@Param() params: ChannelIdParams, @Query() query: DeliveriesQuery): Promise<DeliveryListResponse> {
    return this.channels.deliveryLog(params.id, query.limit);
  }
}
