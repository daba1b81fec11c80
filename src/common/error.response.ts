import { ApiProperty } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'days must be an integer from 1 to 365' }) message!: string;
}
