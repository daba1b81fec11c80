import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
