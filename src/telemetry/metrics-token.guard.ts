// METRICS_TOKEN, when set, guards /metrics: `Authorization: Bearer <token>` as Prometheus sends it
// (scrape_config `authorization`), compared in constant time.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { matchesAnyKey } from '../auth/api-key.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match?.[1];
}

@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.telemetry.metricsToken;
    if (expected === undefined) return true;
    const http = context.switchToHttp();
    const presented = bearerToken(http.getRequest<Request>().headers.authorization);
    if (presented !== undefined && matchesAnyKey(presented, [expected])) return true;
    http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new DomainError('unauthorized', 'A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)');
  }
}
