import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsId } from '../../common/validators.js';

export class CartridgeExecutionParams {
  @ApiProperty({ description: 'Cartridge name', example: 'Bio-Cartridge' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ description: 'Execution id', example: 41 })
  @ToInteger()
  @IsId()
  id!: number;
}
