import { ApiProperty, ApiResponse } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'days must be an integer from 1 to 365' }) message!: string;
}

/**
 * For an endpoint that takes no parameters: the only client errors it can answer are those of the JSON
 * body parser in front of every route (a body that is not JSON, or over 256 kB).
 */
export const ApiMalformedRequestResponse = (): MethodDecorator & ClassDecorator =>
  ApiResponse({
    status: '4XX',
    type: ErrorResponse,
    description: 'Malformed request: a body that is not JSON (400) or larger than 256 kB (413)',
  });
