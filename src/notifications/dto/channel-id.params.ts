import { ApiProperty } from '@nestjs/swagger';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class ChannelIdParams {
  @ApiProperty({ description: 'Notification channel id', example: 3 })
  @ToInteger()
  @IsId()
  id!: number;
}
