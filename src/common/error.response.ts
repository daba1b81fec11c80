import { ApiProperty, ApiResponse } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'days must be an integer from 1 to 365' }) message!: string;
  @ApiProperty({
    example: '3f0c8a52-6c1e-4d4b-9a53-2f1de0b1c7a4',
    description: "The X-Request-Id of the request (the caller's, or one made for it); log lines carry the same id.",
  })
  request_id!: string;
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
