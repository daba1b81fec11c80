import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse, DECORATORS } from '@nestjs/swagger';
import { ErrorResponse } from '../common/error.response.js';

/** Who may call a state-changing endpoint: admins only, or ingest workers too. */
export type WriteAccess = 'admin' | 'ingest';
export const WRITE_ACCESS = 'shawn:write-access';

/** Marks an endpoint for ApiKeyGuard and documents the key and the 401 in OpenAPI. */
export const RequiresAccess = (access: WriteAccess): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(WRITE_ACCESS, access),
    ApiSecurity('admin-key'),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Missing or wrong API key' }),
  );

/**
 * Says in OpenAPI that an endpoint needs no key (`security: []`); ApiKeyGuard lets through whatever
 * RequiresAccess does not mark, so this only documents. @nestjs/swagger drops an empty ApiSecurity,
 * so the requirement goes into the operation's own metadata, merged with @ApiOperation in either order.
 */
export const PublicAccess =
  (): MethodDecorator =>
  (_target, _key, descriptor): void => {
    const handler = descriptor.value as object;
    const operation = (Reflect.getMetadata(DECORATORS.API_OPERATION, handler) ?? {}) as Record<string, unknown>;
    Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, handler);
  };
