import { ApiProperty } from '@nestjs/swagger';

export class ResponseTimePercentiles {
  @ApiProperty({ nullable: true, type: Number, example: 820 }) p50!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1900 }) p95!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3400 }) p99!: number | null;
}

export class TtftPercentiles {
  @ApiProperty({ nullable: true, type: Number, example: 240 }) p50!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 610 }) p95!: number | null;
}

export class TokensPerSecondPercentiles {
  @ApiProperty({ nullable: true, type: Number, example: 72.5 }) p50!: number | null;
}

export class SpeedResponse {
  @ApiProperty({ example: 1440, description: 'Calls in the window (maintenance windows left out)' }) calls!: number;
  @ApiProperty({ example: 1431 }) successes!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { timeout: 6, server_error: 3 },
    description: 'Failed calls by error kind',
  })
  errors_by_kind!: Record<string, number>;
  @ApiProperty({
    type: ResponseTimePercentiles,
    description: 'Successful calls, milliseconds (log-histogram percentiles, within 2 %)',
  })
  response_time_ms!: ResponseTimePercentiles;
  @ApiProperty({ type: TtftPercentiles, description: 'Time to first token of successful calls, milliseconds' })
  ttft_ms!: TtftPercentiles;
  @ApiProperty({ type: TokensPerSecondPercentiles, description: 'Output tokens per second of successful calls' })
  tokens_per_second!: TokensPerSecondPercentiles;
}

export class SpeedWindowsResponse {
  @ApiProperty({ type: SpeedResponse }) last_24h!: SpeedResponse;
  @ApiProperty({ type: SpeedResponse }) last_7d!: SpeedResponse;
  @ApiProperty({ type: SpeedResponse }) last_30d!: SpeedResponse;
}
