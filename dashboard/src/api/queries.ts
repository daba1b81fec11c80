// Every server read the pages make, as TanStack Query hooks with one key each. The socket events
// (realtime/cache-updates.ts) write into the same keys, so the pages never poll.
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DcrsProgressPayload } from '../realtime/events';
import type { NeuralSignal } from '../realtime/events-extra';
import { api, unwrap, unwrapOrNull, type ManualTestRun, type Metric, type MetricPoint } from './client';

export type ExportFormat = 'litellm' | 'openrouter' | 'portkey' | 'json';

export const keys = {
  models: ['models'] as const,
  model: (id: number) => ['models', id] as const,
  metrics: (modelId: number | null, days: number) => ['metrics', modelId, days] as const,
  metricPoints: (modelId: number, days: number, resolution: 'hour' | 'day') =>
    ['metrics', modelId, days, resolution] as const,
  routing: ['routing'] as const,
  routingHistory: ['routing', 'history'] as const,
  alerts: ['alerts'] as const,
  dcrsStatus: ['dcrs', 'status'] as const,
  dcrsHistory: (days: number) => ['dcrs', 'history', days] as const,
  dcrsRun: (id: number) => ['dcrs', 'runs', id] as const,
  dcrsProgress: ['live', 'dcrs_progress'] as const,
  neuralSignal: ['live', 'neural_signal'] as const,
  timeline: (modelId: number, days: number) => ['models', modelId, 'timeline', days] as const,
  modelCosts: (modelId: number) => ['models', modelId, 'costs'] as const,
  slo: ['slo'] as const,
  dcrsCompare: (runId: number) => ['dcrs', 'runs', runId, 'compare'] as const,
  routingExport: (format: ExportFormat) => ['routing', 'export', format] as const,
  maintenance: ['maintenance-windows'] as const,
  cartridges: ['cartridges'] as const,
  cartridgeResults: (name: string) => ['cartridges', name, 'results'] as const,
  manualTests: ['manual-tests'] as const,
  manualTest: (runId: string) => ['manual-tests', runId] as const,
};

export const useModels = () =>
  useQuery({ queryKey: keys.models, queryFn: () => unwrap(api.GET('/api/models')), staleTime: Infinity });

export const useModel = (id: number) =>
  useQuery({
    queryKey: keys.model(id),
    queryFn: () => unwrap(api.GET('/api/models/{id}', { params: { path: { id } } })),
  });

export const useMetrics = (modelId: number | null, days: number, limit = 10_000) =>
  useQuery(metricsQuery(modelId, days, limit));

/** Raw rows (one per measured call), newest first. */
const metricsQuery = (modelId: number | null, days: number, limit: number) => ({
  queryKey: keys.metrics(modelId, days),
  queryFn: async (): Promise<Metric[]> => {
    const body = await unwrap(
      api.GET('/api/metrics', {
        params: { query: { ...(modelId === null ? {} : { model_id: modelId }), days, limit, resolution: 'raw' } },
      }),
    );
    return body.resolution === 'raw' ? body.metrics : [];
  },
});

/** One model's aggregated points per UTC hour or day (from the rollups), newest first. */
export const useMetricPoints = (modelId: number, days: number, resolution: 'hour' | 'day') =>
  useQuery({
    queryKey: keys.metricPoints(modelId, days, resolution),
    queryFn: async (): Promise<MetricPoint[]> => {
      const body = await unwrap(
        api.GET('/api/metrics', { params: { query: { model_id: modelId, days, resolution, limit: 10_000 } } }),
      );
      return body.resolution === 'raw' ? [] : body.points;
    },
  });

/** The last 24 h of calls of each model (one request each, so that a busy model cannot crowd out the others). */
export const useDayOfCalls = (modelIds: readonly number[]): Metric[] =>
  useQueries({
    queries: modelIds.map((id) => metricsQuery(id, 1, 2000)),
    combine: (results) => results.flatMap((result) => result.data ?? []),
  });

export const useRouting = () => useQuery({ queryKey: keys.routing, queryFn: () => unwrap(api.GET('/api/routing')) });

export const useRoutingHistory = () =>
  useQuery({ queryKey: keys.routingHistory, queryFn: () => unwrap(api.GET('/api/routing/history')) });

export const useAlerts = () =>
  useQuery({
    queryKey: keys.alerts,
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { limit: 200 } } })),
  });

export const useDcrsStatus = () =>
  useQuery({ queryKey: keys.dcrsStatus, queryFn: () => unwrapOrNull(api.GET('/api/dcrs/status')) });

export const useDcrsHistory = (days: number) =>
  useQuery({
    queryKey: keys.dcrsHistory(days),
    queryFn: () => unwrap(api.GET('/api/dcrs/history', { params: { query: { days } } })),
  });

export const useDcrsRun = (id: number | null) =>
  useQuery({
    queryKey: keys.dcrsRun(id ?? -1),
    queryFn: () => unwrap(api.GET('/api/dcrs/runs/{id}', { params: { path: { id: id ?? -1 } } })),
    enabled: id !== null,
  });

/**
 * What only the socket fills (the latest event of a kind): no request ever; reloading everything (after a
 * reconnection) keeps what is there.
 */
function useLatestEvent<T>(queryKey: readonly unknown[]) {
  const client = useQueryClient();
  return useQuery<T | null>({
    queryKey,
    queryFn: () => client.getQueryData<T>(queryKey) ?? null,
    initialData: null,
    staleTime: Infinity,
  });
}

/** The latest dcrs_progress event. */
export const useDcrsProgress = () => useLatestEvent<DcrsProgressPayload>(keys.dcrsProgress);

/** The latest neural_signal event. */
export const useNeuralSignal = () => useLatestEvent<NeuralSignal>(keys.neuralSignal);

export const useCartridges = () =>
  useQuery({ queryKey: keys.cartridges, queryFn: () => unwrap(api.GET('/api/cartridges')) });

export const useCartridgeResults = (name: string) =>
  useQuery({
    queryKey: keys.cartridgeResults(name),
    queryFn: () =>
      unwrap(api.GET('/api/cartridges/{name}/results', { params: { path: { name }, query: { limit: 20 } } })),
  });

export const isActive = (run: ManualTestRun): boolean => run.status === 'queued' || run.status === 'testing';

/** Reloads every 5 s while a run is queued or testing: a fallback for a live feed that is down. */
export const useManualTests = () =>
  useQuery({
    queryKey: keys.manualTests,
    queryFn: () => unwrap(api.GET('/api/manual-test')),
    refetchInterval: (query) => (query.state.data?.runs.some(isActive) ? 5000 : false),
  });

export const useTimeline = (modelId: number, days: number) =>
  useQuery({
    queryKey: keys.timeline(modelId, days),
    queryFn: () => unwrap(api.GET('/api/models/{id}/timeline', { params: { path: { id: modelId }, query: { days } } })),
  });

export const useModelCosts = (modelId: number) =>
  useQuery({
    queryKey: keys.modelCosts(modelId),
    queryFn: () => unwrap(api.GET('/api/models/{id}/costs', { params: { path: { id: modelId } } })),
  });

/** Every model's SLO figures (budgets, burn rates); models without objectives are absent. */
export const useSloStatus = () => useQuery({ queryKey: keys.slo, queryFn: () => unwrap(api.GET('/api/slo')) });

/** A DCRS run against its baseline (the previous run of the same suite); null: no such run. */
export const useDcrsComparison = (runId: number | null) =>
  useQuery({
    queryKey: keys.dcrsCompare(runId ?? -1),
    queryFn: () => unwrapOrNull(api.GET('/api/dcrs/runs/{id}/compare', { params: { path: { id: runId ?? -1 } } })),
    enabled: runId !== null,
  });

/** The routing decision as a gateway's configuration, as text (YAML for litellm, indented JSON otherwise). */
export const useRoutingExport = (format: ExportFormat) =>
  useQuery({
    queryKey: keys.routingExport(format),
    queryFn: async (): Promise<string> => {
      const text = await unwrap(api.GET('/api/routing/export', { params: { query: { format } }, parseAs: 'text' }));
      return format === 'litellm' ? text : JSON.stringify(JSON.parse(text), null, 2);
    },
  });

export const useMaintenanceWindows = () =>
  useQuery({ queryKey: keys.maintenance, queryFn: () => unwrap(api.GET('/api/maintenance-windows')) });
