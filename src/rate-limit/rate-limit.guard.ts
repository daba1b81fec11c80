// Rate limits per client: one budget for reads and one for writes across every route, the standard
// header names, and the refusal as our error body. Public endpoints (the banner, the health probes)
// and the sockets are not limited.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { markedAccess } from '../auth/api-key.guard.js';
import { presentedKey } from '../auth/api-key.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { clientTracker, rateLimitHeaders, rateLimitMessage, requestKind } from './rate-limit.policy.js';
import { RateLimitStore } from './rate-limit.store.js';

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly knownKeys: readonly string[];

  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.knownKeys = [...config.auth.adminKeys, ...config.auth.ingestKeys, ...config.access.readKeys];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || markedAccess(this.reflector, context) === 'public') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const kind = requestKind(request.method);
    const { reads, writes, windowMs } = this.config.access.rateLimit;
    const limit = kind === 'read' ? reads : writes;
    if (limit === 0) return true;
    const tracker = clientTracker(request.ip, presentedKey(request.headers), this.knownKeys);
    const count = await this.store.hit(`${kind}:${tracker}`, limit, this.clock.now().getTime());
    http.getResponse<Response>().set(rateLimitHeaders(limit, count));
    if (count.allowed) return true;
    throw new DomainError('too_many_requests', rateLimitMessage(kind, limit, windowMs, count.resetSeconds));
  }
}
