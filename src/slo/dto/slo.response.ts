import { ApiProperty } from '@nestjs/swagger';

export const SLO_OBJECTIVES = ['availability', 'latency_p95', 'ttft_p95', 'min_score'] as const;
export type SloObjectiveName = (typeof SLO_OBJECTIVES)[number];

export class ModelSloResponse {
  @ApiProperty() model_id!: number;
  @ApiProperty({ type: Number, nullable: true }) availability_percent!: number | null;
  @ApiProperty() window_days!: number;
  @ApiProperty({ type: Number, nullable: true }) ttft_p95_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) latency_p95_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true }) min_score!: number | null;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class SloObjectiveStatus {
  @ApiProperty({ enum: SLO_OBJECTIVES }) objective!: SloObjectiveName;
  @ApiProperty({ description: 'The objective: percent, ms or score' }) target!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Its value over the window; null without data' })
  current!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether it holds; null without data' })
  met!: boolean | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Availability only: error budget left over the window, percent of the budget (below 0: overspent)',
  })
  budget_left_percent!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Availability only: burn rate over the last hour' })
  burn_rate_1h!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Availability only: burn rate over the last 6 hours' })
  burn_rate_6h!: number | null;
}

export class ModelSloStatus {
  @ApiProperty() model_id!: number;
  @ApiProperty() model!: string;
  @ApiProperty() window_days!: number;
  @ApiProperty({ type: [SloObjectiveStatus] }) objectives!: SloObjectiveStatus[];
}

export class SloStatusResponse {
  @ApiProperty({ type: [ModelSloStatus] }) models!: ModelSloStatus[];
}

export class SloReportRow {
  @ApiProperty() model_id!: number;
  @ApiProperty() model!: string;
  @ApiProperty({ enum: SLO_OBJECTIVES }) objective!: SloObjectiveName;
  @ApiProperty() target!: number;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) met!: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Availability only' }) budget_left_percent!: number | null;
  @ApiProperty({ description: 'Counted probes in the month (maintenance left out)' }) calls!: number;
}

export class SloReportResponse {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'The month end, or now for the current month' }) to!: string;
  @ApiProperty({ type: [SloReportRow] }) rows!: SloReportRow[];
}
