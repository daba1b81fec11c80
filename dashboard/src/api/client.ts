// The REST client, typed by schema.d.ts: generated from the committed openapi.json by `npm run dashboard:api`
// (never edited by hand; api-schema.test.ts fails when it is stale). Every request carries the key that the
// session holds for it: reads the read key (or the admin key), writes the admin key.
import createClient, { type Middleware } from 'openapi-fetch';
import { keyFor } from '../auth/keys';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Model = Schemas['ModelResponse'];
export type ModelList = Schemas['ModelListResponse'];
export type Alert = Schemas['AlertResponse'];
export type DcrsRun = Schemas['DcrsRunResponse'];
export type DcrsRunDetail = Schemas['DcrsRunDetailResponse'];
export type Routing = Schemas['RoutingResponse'];
export type ManualTestRun = Schemas['ManualTestRunResponse'];
export type Cartridge = Schemas['CartridgeResponse'];
export type CartridgeExecution = Schemas['CartridgeExecutionResponse'];
export type Metric = Schemas['MetricResponse'];
export type MetricPoint = Schemas['MetricPointResponse'];

/** An answer other than 2xx, with the server's message and status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const withKeys: Middleware = {
  onRequest({ request }) {
    const key = keyFor(request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'admin');
    if (key) request.headers.set('X-API-Key', key);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });
api.use(withKeys);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a 2xx answer; any other answer becomes an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  throw errorOf(error, response);
}

/** For answers without a body (204): nothing when 2xx, else an ApiError with the server's message. */
export async function expectOk(call: Promise<Answer<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw errorOf(error, response);
}

function errorOf(error: unknown, response: Response): ApiError {
  const message =
    error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
      ? error.message
      : `${response.status} ${response.statusText}`;
  return new ApiError(response.status, message);
}

/** Like unwrap, but a 404 is `null` (e.g. the latest DCRS run before any run). */
export async function unwrapOrNull<T>(call: Promise<Answer<T>>): Promise<T | null> {
  try {
    return await unwrap(call);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function isAuthError(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
