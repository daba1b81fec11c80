// The `route` label of the HTTP metrics: the route template Express matched (`/api/models/:id`), never
// the raw URL, whose ids and typos would make a new time series per request.
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * A template that is only a wildcard (`{/*splat}`, `/*path`, `*`) matches every URL: no endpoint has
 * one, but Nest mounts app-wide middleware (the request logger) that way, and a request no endpoint
 * matched is left with that middleware's route.
 */
const MATCH_ALL = /^\{?\/?\*[A-Za-z0-9_]*\}?$/;

export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

export function routeLabel(req: RoutedRequest): string {
  const path = req.route?.path;
  if (typeof path !== 'string' || MATCH_ALL.test(path)) return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}` || '/';
}
