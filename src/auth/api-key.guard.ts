// Guards every HTTP endpoint by what it is marked with (@RequiresAccess or @PublicAccess); an unmarked
// one counts as a read (GET, HEAD) or an admin write, so that forgetting the mark never opens it.
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ACCESS } from './access.decorator.js';
import { accessKeys, decideAccess, type Access, type AccessKeys } from './access-policy.js';
import { presentedKey } from './api-key.js';

export type MarkedAccess = Access | 'public';

/** What an endpoint asks for, from its marks (method first, then class) or its HTTP method. */
export function markedAccess(reflector: Reflector, context: ExecutionContext): MarkedAccess {
  const marked = reflector.getAllAndOverride<MarkedAccess | undefined>(ACCESS, [
    context.getHandler(),
    context.getClass(),
  ]);
  if (marked) return marked;
  const method = context.switchToHttp().getRequest<Request>().method;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'admin';
}

@Injectable()
export class ApiKeyGuard implements CanActivate, OnModuleInit {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private readonly keys: AccessKeys;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.keys = accessKeys(config);
  }

  onModuleInit(): void {
    if (this.config.app.isProduction && this.keys.readKeys.length === 0) {
      this.logger.warn('READ_API_KEY is not set: reads and the realtime feed are open to anyone who reaches the port');
    }
    if (this.keys.adminKeys.length > 0) return;
    if (this.config.app.isProduction) {
      this.logger.warn('ADMIN_API_KEY is not set: every write endpoint answers 403 until it is');
    } else {
      this.logger.warn('ADMIN_API_KEY is not set: write endpoints are OPEN (allowed outside production only)');
    }
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const access = markedAccess(this.reflector, context);
    if (access === 'public') return true;
    const key = presentedKey(context.switchToHttp().getRequest<Request>().headers);
    const decision = decideAccess(access, key, this.keys);
    if (decision.allowed) return true;
    throw new DomainError(decision.code, decision.message);
  }
}
