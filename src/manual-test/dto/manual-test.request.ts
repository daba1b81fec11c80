import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length } from 'class-validator';

export class ManualTestRequest {
  @ApiPropertyOptional({
    type: [String],
    example: ['Gemini', 'Groq'],
    description: 'Exact model names; omitted or empty: every model',
  })
  @IsOptional()
  // class-validator runs these bottom-up and reports the first failure: the type check goes last.
  @Length(1, 100, { each: true, message: 'each of models must be 1 to 100 characters' })
  @IsString({ each: true, message: 'models must contain only strings' })
  @ArrayMaxSize(100, { message: 'models may name at most 100 models' })
  @IsArray({ message: 'models must be an array of model names' })
  models?: string[];
}
