import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicAccess } from '../auth/access.decorator.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { TelemetryService } from './telemetry.service.js';

/**
 * The Prometheus scrape target. Not in the OpenAPI document: it is an operator's endpoint in
 * Prometheus' text format with its own token (README documents it), not part of the JSON API.
 * Open to the API keys' rules (@PublicAccess): METRICS_TOKEN alone decides.
 */
@ApiExcludeController()
@Controller('metrics')
@UseGuards(MetricsTokenGuard)
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryService) {}

  @Get()
  @PublicAccess()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const { contentType, body } = await this.telemetry.scrape();
    response.setHeader('Content-Type', contentType);
    return body;
  }
}
