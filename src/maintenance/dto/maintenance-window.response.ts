import { ApiProperty } from '@nestjs/swagger';

export class MaintenanceOccurrenceResponse {
  @ApiProperty({ format: 'date-time' }) starts_at!: string;
  @ApiProperty({ format: 'date-time' }) ends_at!: string;
}

export class MaintenanceWindowResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: every model' }) model_id!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) starts_at!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) ends_at!: string | null;
  @ApiProperty({ type: String, nullable: true }) cron!: string | null;
  @ApiProperty({ type: Number, nullable: true }) duration_minutes!: number | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'Whether the window is under way now' }) active!: boolean;
  @ApiProperty({
    type: MaintenanceOccurrenceResponse,
    nullable: true,
    description: 'The occurrence under way or the next one; null once a one-off window has ended',
  })
  next_occurrence!: MaintenanceOccurrenceResponse | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class MaintenanceWindowListResponse {
  @ApiProperty({ type: [MaintenanceWindowResponse] }) windows!: MaintenanceWindowResponse[];
}
