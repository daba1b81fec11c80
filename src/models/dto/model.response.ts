import { ApiProperty } from '@nestjs/swagger';
import { SpeedWindowsResponse } from './model-speed.response.js';
import { PROBE_MODES, type ProbeMode } from '../../providers/provider-registry.js';
import { MODEL_STATUSES, type ModelStatus } from '../../common/model-statuses.js';

export class QuotaResponse {
  @ApiProperty({ nullable: true, type: Number, example: 499 }) requests_remaining!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) requests_limit!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 29_500 }) tokens_remaining!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 30_000 }) tokens_limit!: number | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the scarcer of requests and tokens is restored',
  })
  resets_at!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the provider sent these figures' }) read_at!: string;
}

export class ModelResponse {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: 'Gemini' }) name!: string;
  @ApiProperty({ example: 'google' }) api_type!: string;
  @ApiProperty({ example: 9.9, description: 'Latest evaluation score, 0..10' }) last_score!: number;
  @ApiProperty({ example: 2300, description: 'Typical response time in milliseconds' }) response_time!: number;
  @ApiProperty({ example: 100, description: 'Share of successful probes, percent' }) uptime_percent!: number;
  @ApiProperty({ enum: MODEL_STATUSES }) status!: ModelStatus;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiProperty({
    enum: PROBE_MODES,
    description: 'live: a key is configured; simulated: the built-in simulator answers; off',
  })
  probe_mode!: ProbeMode;
  @ApiProperty({ nullable: true, type: String, description: "Provider model id override (null: the api_type's)" })
  provider_model!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Base URL override (null: the api_type's)" })
  base_url!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) last_probe_at!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'timeout',
    description: 'Error of the latest probe; null when it succeeded',
  })
  last_error_kind!: string | null;
  @ApiProperty({
    type: QuotaResponse,
    nullable: true,
    description: "The provider's latest rate-limit figures (response headers); null: it never sent any",
  })
  quota!: QuotaResponse | null;
}

export class ModelListResponse {
  @ApiProperty({ type: [ModelResponse] }) models!: ModelResponse[];
  @ApiProperty({ example: 9.09, nullable: true, type: Number, description: 'Mean of last_score, 2 decimals' })
  average_score!: number | null;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
}

export class CallSummaryResponse {
  @ApiProperty({ example: 1440, description: 'Measured calls in the window' }) count!: number;
  @ApiProperty({ example: 9.4, nullable: true, type: Number }) mean_score!: number | null;
  @ApiProperty({ example: 2150, nullable: true, type: Number, description: 'Milliseconds' })
  mean_response_time!: number | null;
  @ApiProperty({
    example: 3100,
    nullable: true,
    type: Number,
    description: 'Milliseconds, nearest rank, from the rollup histogram (within 2 %)',
  })
  p95_response_time!: number | null;
}

export class UptimeResponse {
  @ApiProperty({ nullable: true, type: Number, example: 99.5 }) last_24h!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 99.7 }) last_7d!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 99.8 }) last_30d!: number | null;
}

export class ModelDetailResponse extends ModelResponse {
  @ApiProperty({ type: CallSummaryResponse, description: 'Calls measured over the last 24 hours' })
  summary_24h!: CallSummaryResponse;
  @ApiProperty({
    type: UptimeResponse,
    description: 'Successful share of probes, percent (rate-limited probes left out)',
  })
  uptime!: UptimeResponse;
  @ApiProperty({
    type: SpeedWindowsResponse,
    description: 'Response time, TTFT and tokens/s percentiles with calls and errors, per window',
  })
  speed!: SpeedWindowsResponse;
}
