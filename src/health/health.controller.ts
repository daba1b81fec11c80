import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { HealthResponse, RootResponse } from './dto/health.response.js';
import { HealthRepository } from './health.repository.js';

@ApiTags('system')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Service banner: name, version and server time' })
  @ApiOkResponse({ type: RootResponse })
  root(): RootResponse {
    return {
      status: '🟢 Online',
      system: 'SHawn-Brain Neural Dashboard API',
      version: this.config.app.version,
      timestamp: this.clock.now().toISOString(),
    };
  }

  @Get('api/health')
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    if (await this.health.databaseAnswers()) return { status: 'healthy' };
    response.status(503);
    return { status: 'unhealthy', reason: 'database does not answer' };
  }
}
