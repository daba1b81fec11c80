import { ApiProperty } from '@nestjs/swagger';
import { ALERT_SEVERITIES, ALERT_TYPES, type AlertSeverity, type AlertType } from '../../common/alert-kinds.js';

/** One alert; also the payload of the alert.opened / alert.resolved events. */
export class AlertResponse {
  @ApiProperty({ example: 12 }) id!: number;
  @ApiProperty({ enum: ALERT_TYPES, example: 'model_down' }) type!: AlertType;
  @ApiProperty({ enum: ALERT_SEVERITIES, example: 'critical' }) severity!: AlertSeverity;
  @ApiProperty({ example: 'Gemini', description: 'What it is about: a model or cartridge name, "dcrs" or "routing"' })
  subject!: string;
  @ApiProperty({ example: 'Gemini is down: its probes keep failing (last error: timeout)' }) message!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description:
      'null while open; equal to created_at for notices (model_recovered, score_drop, routing_changed, cartridge_recovered)',
  })
  resolved_at!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledged_at!: string | null;
}

export class AlertListResponse {
  @ApiProperty({ type: [AlertResponse], description: 'Newest first' }) alerts!: AlertResponse[];
}
