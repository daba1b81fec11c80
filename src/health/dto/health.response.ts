import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckState } from '../readiness.js';

export class RootResponse {
  @ApiProperty({ example: '🟢 Online' }) status!: string;
  @ApiProperty({ example: 'SHawn-Brain Neural Dashboard API' }) system!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
}

export class HealthResponse {
  @ApiProperty({ enum: ['healthy', 'unhealthy'] }) status!: 'healthy' | 'unhealthy';
  @ApiPropertyOptional({ example: 'database does not answer' }) reason?: string;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['healthy'], description: 'Always `healthy`: an answer at all is the signal.' })
  status!: 'healthy';
}

const CHECK_STATES: CheckState[] = ['ok', 'failing', 'skipped'];

export class ReadinessChecksResponse {
  @ApiProperty({ enum: CHECK_STATES, description: 'The database answers a trivial query within 2 s.' })
  database!: CheckState;
  @ApiProperty({
    enum: CHECK_STATES,
    description: 'Every migration this build ships is recorded in the database (skipped when it does not answer).',
  })
  migrations!: CheckState;
  @ApiProperty({
    enum: CHECK_STATES,
    description:
      'Every periodic trigger the settings turn on (probing, DCRS, alert sweep, reminders, realtime ticks) is ' +
      'registered, and every cron job (DCRS, cartridge schedules) is started.',
  })
  schedulers!: CheckState;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['healthy', 'unhealthy'] }) status!: 'healthy' | 'unhealthy';
  @ApiProperty({ type: ReadinessChecksResponse }) checks!: ReadinessChecksResponse;
  @ApiPropertyOptional({
    example: 'migrations not applied: UptimeIndexCaseId1795714769885',
    description: 'Every failing part, or `shutting down` once the server has begun to stop; absent when healthy.',
  })
  reason?: string;
}
