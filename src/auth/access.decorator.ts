import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
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
