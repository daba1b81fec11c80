import { ApiProperty } from '@nestjs/swagger';
import { WIRE_FORMATS } from '../../providers/provider-catalog.js';

export class ProviderStatusResponse {
  @ApiProperty({ example: 'openai' }) api_type!: string;
  @ApiProperty({ enum: WIRE_FORMATS }) wire_format!: string;
  @ApiProperty({ description: 'Whether a key (and base URL and model) is set for this type' }) configured!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'api.openai.com' }) base_url_host!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'gpt-4o-mini' }) model!: string | null;
  @ApiProperty({
    type: [String],
    example: ['OPENAI_API_KEY is not set'],
    description: 'What is missing (variable names only)',
  })
  problems!: string[];
  @ApiProperty({ nullable: true, type: String, example: 'rate_limited' }) last_error_kind!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) last_error_at!: string | null;
}

export class ProviderListResponse {
  @ApiProperty({ type: [ProviderStatusResponse] }) providers!: ProviderStatusResponse[];
}

export class CaseResultResponse {
  @ApiProperty({ example: 'arithmetic-1' }) case_id!: string;
  @ApiProperty({ example: 1, description: 'passed weight / total weight, 0..1' }) score!: number;
  @ApiProperty({ example: 2 }) passed_weight!: number;
  @ApiProperty({ example: 2 }) total_weight!: number;
  @ApiProperty({ example: 812 }) latency_ms!: number;
  @ApiProperty({ nullable: true, type: String }) error_kind!: string | null;
}

export class ModelEvaluationResponse {
  @ApiProperty({ example: 'Gemini' }) model!: string;
  @ApiProperty({ enum: ['live', 'simulated', 'off'] }) probe_mode!: string;
  @ApiProperty({ example: 9.5, description: '10 x mean case score, 1 decimal' }) score!: number;
  @ApiProperty({ example: 9, description: 'Cases that passed every assertion' }) passed!: number;
  @ApiProperty({ example: 1 }) failed!: number;
  @ApiProperty({ nullable: true, type: Number }) p50_latency_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95_latency_ms!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { timeout: 1 } })
  error_kinds!: Record<string, number>;
  @ApiProperty({ type: [CaseResultResponse] }) cases!: CaseResultResponse[];
}
