import { ApiProperty } from '@nestjs/swagger';

export class RoutingRecommendationResponse {
  @ApiProperty({ example: 'Groq' }) primary!: string;
  @ApiProperty({ type: [String] }) fallbacks!: string[];
  @ApiProperty({ nullable: true, type: Number }) dcrs_run_id!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class ComparedModelResponse {
  @ApiProperty({ example: 'Groq' }) model!: string;
  @ApiProperty({ example: 9.6 }) score!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.0001, description: 'Cost per successful call, last 7 days' })
  cost_per_call!: number | null;
  @ApiProperty({ description: 'Within ROUTING_COST_MARGIN of the best score (cost_within)' }) within_margin!: boolean;
}

export class RoutingResponse {
  @ApiProperty({ enum: ['quality', 'cost_within'], description: 'ROUTING_POLICY now' })
  policy!: 'quality' | 'cost_within';
  @ApiProperty({
    enum: ['quality', 'cost_within'],
    nullable: true,
    type: String,
    description: 'The rule that chose the current primary (quality also when cost_within had no price to compare)',
  })
  rule!: 'quality' | 'cost_within' | null;
  @ApiProperty({
    type: [ComparedModelResponse],
    description: 'The eligible models the rule compared, best score first',
  })
  compared!: ComparedModelResponse[];
  @ApiProperty({ nullable: true, type: String, example: 'Gemini', description: 'null until a DCRS run decides' })
  primary!: string | null;
  @ApiProperty({ type: [String], example: ['Groq', 'Anthropic'], description: 'In order' }) fallbacks!: string[];
  @ApiProperty({ enum: ['auto', 'recommend'] }) mode!: 'auto' | 'recommend';
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updated_at!: string | null;
  @ApiProperty({ nullable: true, type: Number }) dcrs_run_id!: number | null;
  @ApiProperty({ example: 'Gemini (9.9) beats Groq (9.6) by at least 0.2' }) reason!: string;
  @ApiProperty({
    type: RoutingRecommendationResponse,
    nullable: true,
    description: 'In recommend mode: the latest change that was recorded but not applied',
  })
  recommendation!: RoutingRecommendationResponse | null;
}

export class RoutingChangeResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: String }) previous_primary!: string | null;
  @ApiProperty() primary!: string;
  @ApiProperty({ type: [String] }) fallbacks!: string[];
  @ApiProperty({ enum: ['auto', 'recommend'] }) mode!: string;
  @ApiProperty({ description: 'false: recorded as a recommendation only' }) applied!: boolean;
  @ApiProperty({ nullable: true, type: Number }) dcrs_run_id!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class RoutingHistoryResponse {
  @ApiProperty({ type: [RoutingChangeResponse], description: 'Newest first' }) changes!: RoutingChangeResponse[];
}
