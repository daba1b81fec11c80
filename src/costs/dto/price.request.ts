import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { ToInteger } from '../../common/query-transforms.js';
import { IsIntegerInRange, IsPresent } from '../../common/validators.js';

const MAX_PRICE = 1_000_000;

/** A finite JSON number from 0 to MAX_PRICE, with one message naming the field. */
function IsPrice(): PropertyDecorator {
  return ValidateBy({
    name: 'isPrice',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_PRICE,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a number from 0 to ${MAX_PRICE}`,
    },
  });
}

export class SetPriceRequest {
  @ApiProperty({ example: 0.15, minimum: 0, maximum: MAX_PRICE, description: 'Price of a million input tokens' })
  @IsPrice()
  input_per_million!: number;

  @ApiProperty({ example: 0.6, minimum: 0, maximum: MAX_PRICE, description: 'Price of a million output tokens' })
  @IsPrice()
  output_per_million!: number;

  @ApiPropertyOptional({ example: 'USD', default: 'USD', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })
  @IsPresent()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter code such as USD' })
  currency?: string;
}

export class CostsQuery {
  @ApiPropertyOptional({ description: 'How many days back (24 h each)', default: 30, minimum: 1, maximum: 365 })
  @IsOptional()
  @ToInteger()
  @IsIntegerInRange(1, 365)
  days: number = 30;
}
