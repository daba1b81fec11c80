import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { KNOWN_API_TYPES } from '../../providers/provider-catalog.js';
import { IsHttpUrlWithoutCredentials, IsNullable, IsPresent, Trim } from '../../common/validators.js';

export class CreateModelRequest {
  @ApiProperty({ example: 'Groq-Llama', description: 'Unique display name' })
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ enum: KNOWN_API_TYPES, example: 'groq' })
  @IsIn(KNOWN_API_TYPES, { message: `api_type must be one of ${KNOWN_API_TYPES.join(', ')}` })
  api_type!: string;

  @ApiPropertyOptional({
    example: 'llama-3.3-70b-versatile',
    description: "Provider-side model id; default: the api_type's",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'provider_model must be 1 to 200 characters' })
  provider_model?: string;

  @ApiPropertyOptional({
    example: 'https://api.groq.com/openai/v1',
    description: "Base URL override; its host must be the api_type's configured host or in PROVIDER_ALLOWED_HOSTS",
  })
  @IsOptional()
  @IsHttpUrlWithoutCredentials()
  base_url?: string;

  @ApiPropertyOptional({ default: true, description: 'Probed and evaluated when true' })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class UpdateModelRequest {
  @ApiPropertyOptional({ example: 'Groq-Llama' })
  @IsPresent()
  @Trim()
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ enum: KNOWN_API_TYPES })
  @IsPresent()
  @IsIn(KNOWN_API_TYPES, { message: `api_type must be one of ${KNOWN_API_TYPES.join(', ')}` })
  api_type?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null returns to the default' })
  @IsNullable()
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'provider_model must be 1 to 200 characters' })
  provider_model?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null returns to the default' })
  @IsNullable()
  @IsHttpUrlWithoutCredentials()
  base_url?: string | null;

  @ApiPropertyOptional()
  @IsPresent()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class DeleteModelQuery {
  @ApiProperty({
    enum: ['keep', 'delete'],
    description: "keep: the model's measured history stays; delete: it goes too",
  })
  @IsIn(['keep', 'delete'], { message: 'history must be keep or delete' })
  history!: 'keep' | 'delete';
}
