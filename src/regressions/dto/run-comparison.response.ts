import { ApiProperty } from '@nestjs/swagger';

export class ModelComparisonResponse {
  @ApiProperty() model!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean case score in the run (0-10)' }) score!:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) baseline_score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score_delta!: number | null;
  @ApiProperty({ type: [String], description: 'Cases that passed in the baseline and fail now' })
  pass_to_fail!: string[];
  @ApiProperty({ type: [String] }) fail_to_pass!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'What the provider said answered (model echo...)' })
  fingerprint!: string | null;
  @ApiProperty({ type: String, nullable: true }) baseline_fingerprint!: string | null;
  @ApiProperty() fingerprint_changed!: boolean;
}

export class RunComparisonResponse {
  @ApiProperty() run_id!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when no baseline was found' })
  baseline_run_id!: number | null;
  @ApiProperty({ description: 'false when the runs used different suites (or there is no baseline)' })
  comparable!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why the runs cannot be compared' })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the suite the run used' })
  suite_hash!: string | null;
  @ApiProperty({ type: String, nullable: true }) baseline_suite_hash!: string | null;
  @ApiProperty({ type: String, nullable: true }) suite_name!: string | null;
  @ApiProperty({ type: [ModelComparisonResponse], description: 'Empty when not comparable' })
  models!: ModelComparisonResponse[];
}
