import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicAccess } from '../auth/access.decorator.js';
import { Clock } from '../common/clock.js';
import { ApiMalformedRequestResponse } from '../common/error.response.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { HealthResponse, LivenessResponse, ReadinessResponse, RootResponse } from './dto/health.response.js';
import { HealthRepository } from './health.repository.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('system')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthRepository,
    private readonly readinessService: ReadinessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @PublicAccess()
  @ApiOperation({
    summary: 'Service banner',
    description: "The service's name, its version and the server's current time; answers while the process runs.",
  })
  @ApiOkResponse({ type: RootResponse })
  @ApiMalformedRequestResponse()
  root(): RootResponse {
    return {
      status: '🟢 Online',
      system: 'SHawn-Brain Neural Dashboard API',
      version: this.config.app.version,
      timestamp: this.clock.now().toISOString(),
    };
  }

  @Get('api/health')
  @PublicAccess()
  @ApiOperation({
    summary: 'Health check',
    description:
      'Liveness and database reachability, for load balancers and orchestrators: 200 `healthy`, or 503 ' +
      '`unhealthy` with a reason when the database does not answer. Requests to it are not logged.',
  })
  @ApiOkResponse({ type: HealthResponse })
  @ApiMalformedRequestResponse()
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    if (await this.health.databaseAnswers()) return { status: 'healthy' };
    response.status(503);
    return { status: 'unhealthy', reason: 'database does not answer' };
  }

  @Get('api/health/live')
  @PublicAccess()
  @ApiOperation({
    summary: 'Liveness probe',
    description:
      'Answers 200 while the process can serve a request at all; it never touches the database, so an ' +
      'outage elsewhere does not get a working process restarted. Requests to it are not logged.',
  })
  @ApiOkResponse({ type: LivenessResponse })
  @ApiMalformedRequestResponse()
  live(): LivenessResponse {
    return { status: 'healthy' };
  }

  @Get('api/health/ready')
  @PublicAccess()
  @ApiOperation({
    summary: 'Readiness probe',
    description:
      'Whether this instance should get traffic: the database answers, every migration is applied and the ' +
      'schedules are running. 503 `unhealthy` names each failing part in `checks` and `reason`, and is the ' +
      'answer from the moment the server begins to stop. Requests to it are not logged.',
  })
  @ApiOkResponse({ type: ReadinessResponse })
  @ApiMalformedRequestResponse()
  @ApiServiceUnavailableResponse({
    type: ReadinessResponse,
    description: 'A part is failing (named in `reason`), or the server is stopping',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessResponse> {
    const readiness = await this.readinessService.readiness();
    if (readiness.status !== 'healthy') response.status(503);
    return readiness;
  }
}
