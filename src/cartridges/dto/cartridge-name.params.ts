import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CartridgeNameParams {
  @ApiProperty({ description: 'Cartridge name', example: 'Bio-Cartridge' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;
}
