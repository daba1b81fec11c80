import { SetMetadata } from '@nestjs/common';

/** Who may call a state-changing endpoint: admins only, or ingest workers too. */
export type WriteAccess = 'admin' | 'ingest';
export const WRITE_ACCESS = 'shawn:write-access';

export const RequiresAccess = (access: WriteAccess): MethodDecorator & ClassDecorator => SetMetadata(WRITE_ACCESS, access);
