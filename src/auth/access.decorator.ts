import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  DECORATORS,
} from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response.js';
import type { Access } from './access-policy.js';

export const ACCESS = 'shawn:access';

/** The OpenAPI security requirements of each kind of access: any one of the listed keys will do. */
const SCHEMES: Record<Access, readonly string[]> = {
  read: ['read-key', 'admin-key'],
  ingest: ['ingest-key', 'admin-key'],
  admin: ['admin-key'],
};

const UNAUTHORIZED: Record<Access, string> = {
  read: 'READ_API_KEY is set and no key, or an unknown one, was sent',
  ingest: 'Missing or wrong API key',
  admin: 'Missing or wrong API key',
};

const FORBIDDEN: Record<Access, string> = {
  read: 'The key is valid but may not read (an ingest key)',
  ingest: 'The key is valid but may not post results (a read key)',
  admin: 'The key is valid but is not an admin key, or writes are disabled (production without ADMIN_API_KEY)',
};

/**
 * Who may call an endpoint: readers (a read or admin key, once READ_API_KEY is set), ingest workers
 * (an ingest or admin key) or admins. Marks it for ApiKeyGuard and the rate limiter, and documents
 * the keys and the refusals in OpenAPI.
 */
export const RequiresAccess = (access: Access): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS, access),
    ...SCHEMES[access].map((scheme) => ApiSecurity(scheme)),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: UNAUTHORIZED[access] }),
    ApiForbiddenResponse({ type: ErrorResponse, description: FORBIDDEN[access] }),
    ApiTooManyRequestsResponse({
      type: ErrorResponse,
      description: 'Too many requests from this client (RATE_LIMIT_*)',
      headers: {
        'Retry-After': { description: 'Seconds until a request is let in again', schema: { type: 'integer' } },
      },
    }),
  );

/**
 * An endpoint anyone may call, whatever the keys: the banner and the health probes. ApiKeyGuard and the
 * rate limiter leave it alone. In OpenAPI it says `security: []`; @nestjs/swagger drops an empty
 * ApiSecurity, so the requirement goes into the operation's own metadata, merged with @ApiOperation
 * in either order.
 */
export const PublicAccess =
  (): MethodDecorator =>
  (target, key, descriptor): void => {
    SetMetadata(ACCESS, 'public')(target, key, descriptor);
    const handler = descriptor.value as object;
    const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {}) as Record<string, unknown>;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, handler);
  };
