// Guards every endpoint marked with @RequiresAccess. Reads keys from the validated config.
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { WRITE_ACCESS, type WriteAccess } from './access.decorator.js';
import { matchesAnyKey, presentedKey } from './api-key.js';

@Injectable()
export class ApiKeyGuard implements CanActivate, OnModuleInit {
  private readonly logger = new Logger(ApiKeyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.auth.adminKeys.length > 0) return;
    if (this.config.app.isProduction) {
      this.logger.warn('ADMIN_API_KEY is not set: every write endpoint answers 403 until it is');
    } else {
      this.logger.warn('ADMIN_API_KEY is not set: write endpoints are OPEN (allowed outside production only)');
    }
  }

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<WriteAccess | undefined>(WRITE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access || context.getType() !== 'http') return true;
    const adminKeys = this.config.auth.adminKeys;
    const ingestKeys = access === 'ingest' ? this.config.auth.ingestKeys : [];
    if (adminKeys.length === 0 && ingestKeys.length === 0) {
      if (!this.config.app.isProduction) return true;
      throw new DomainError('forbidden', 'Writes are disabled: set ADMIN_API_KEY to enable them');
    }
    const key = presentedKey(context.switchToHttp().getRequest<Request>().headers);
    if (key && (matchesAnyKey(key, adminKeys) || matchesAnyKey(key, ingestKeys))) return true;
    throw new DomainError(
      'unauthorized',
      access === 'ingest'
        ? 'A valid ingest or admin API key is required (X-API-Key header or Authorization: Bearer)'
        : 'A valid admin API key is required (X-API-Key header or Authorization: Bearer)',
    );
  }
}
