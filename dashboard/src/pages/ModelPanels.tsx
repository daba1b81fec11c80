// The model page's panels over the API's aggregates: latency and TTFT percentiles per hour, speed per
// window, errors by kind, and the budget figures (SLO budget left, cost per call, quota left).
import { useMemo } from 'react';
import type { MetricPoint, Schemas } from '../api/client';
import { useMetricPoints, useModelCosts, useSloStatus } from '../api/queries';
import { count, money, ms, percent, when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { TableWrap } from '../components/TableWrap';
import { TimeChart, type Series } from '../components/TimeChart';

type Speed = Schemas['SpeedWindowsResponse'];
type Quota = Schemas['QuotaResponse'];

export const WINDOWS = [
  { key: 'last_24h', label: '24 h' },
  { key: 'last_7d', label: '7 d' },
  { key: 'last_30d', label: '30 d' },
] as const;

export interface PercentileData {
  times: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  ttftP50: (number | null)[];
  ttftP95: (number | null)[];
}

/** The points oldest first, in epoch seconds, one array per line (null: no successful call in the bucket). */
export function percentileData(points: readonly MetricPoint[]): PercentileData {
  const sorted = [...points].sort((a, b) => Date.parse(a.bucket_start) - Date.parse(b.bucket_start));
  return {
    times: sorted.map((p) => Date.parse(p.bucket_start) / 1000),
    p50: sorted.map((p) => p.response_time_ms.p50),
    p95: sorted.map((p) => p.response_time_ms.p95),
    p99: sorted.map((p) => p.response_time_ms.p99),
    ttftP50: sorted.map((p) => p.ttft_ms.p50),
    ttftP95: sorted.map((p) => p.ttft_ms.p95),
  };
}

/** Latency p50/p95/p99 and TTFT p50/p95 per UTC hour over the chosen range, from the rollups. */
export function PercentileCharts({ modelId, days }: { modelId: number; days: number }) {
  const points = useMetricPoints(modelId, days, 'hour');
  const data = useMemo(() => percentileData(points.data ?? []), [points.data]);
  const latency = useMemo<Series[]>(
    () => [
      { label: 'p50 (ms)', values: data.p50, color: '#16a34a' },
      { label: 'p95 (ms)', values: data.p95, color: '#d97706' },
      { label: 'p99 (ms)', values: data.p99, color: '#dc2626' },
    ],
    [data],
  );
  const ttft = useMemo<Series[]>(
    () => [
      { label: 'TTFT p50 (ms)', values: data.ttftP50, color: '#2563eb' },
      { label: 'TTFT p95 (ms)', values: data.ttftP95, color: '#7c3aed' },
    ],
    [data],
  );
  return (
    <QueryState query={points}>
      {() => (
        <div className="charts" data-testid="percentile-charts" data-points={data.times.length}>
          <TimeChart title="Latency p50 / p95 / p99 per hour (ms)" times={data.times} series={latency} />
          <TimeChart title="Time to first token p50 / p95 per hour (ms)" times={data.times} series={ttft} />
        </div>
      )}
    </QueryState>
  );
}

/** Calls, latency percentiles, TTFT and tokens/s for 24 h, 7 d and 30 d. */
export function SpeedTable({ speed }: { speed: Speed }) {
  return (
    <TableWrap label="Speed per window">
      <table data-testid="speed-table">
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">Calls</th>
            <th scope="col">OK</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">TTFT p50</th>
            <th scope="col">TTFT p95</th>
            <th scope="col">Tokens/s p50</th>
          </tr>
        </thead>
        <tbody>
          {WINDOWS.map(({ key, label }) => {
            const w = speed[key];
            return (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{count(w.calls)}</td>
                <td>{count(w.successes)}</td>
                <td>{ms(w.response_time_ms.p50)}</td>
                <td>{ms(w.response_time_ms.p95)}</td>
                <td>{ms(w.response_time_ms.p99)}</td>
                <td>{ms(w.ttft_ms.p50)}</td>
                <td>{ms(w.ttft_ms.p95)}</td>
                <td>{w.tokens_per_second.p50 === null ? '–' : w.tokens_per_second.p50.toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Every error kind seen in 30 d, most frequent first, with its count per window. */
export function errorKinds(speed: Speed): { kind: string; counts: number[] }[] {
  const kinds = new Set(WINDOWS.flatMap(({ key }) => Object.keys(speed[key].errors_by_kind)));
  return [...kinds]
    .map((kind) => ({ kind, counts: WINDOWS.map(({ key }) => speed[key].errors_by_kind[kind] ?? 0) }))
    .sort((a, b) => b.counts[2] - a.counts[2] || b.counts[0] - a.counts[0] || a.kind.localeCompare(b.kind));
}

export function ErrorsByKind({ speed }: { speed: Speed }) {
  const rows = errorKinds(speed);
  if (rows.length === 0) return <p className="muted">No failed call in 30 days.</p>;
  return (
    <TableWrap label="Errors by kind">
      <table data-testid="errors-by-kind">
        <thead>
          <tr>
            <th scope="col">Error kind</th>
            {WINDOWS.map(({ key, label }) => (
              <th scope="col" key={key}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{row.kind}</th>
              {row.counts.map((n, i) => (
                <td key={WINDOWS[i].key}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function quotaLeft(quota: Quota | null): string {
  if (!quota) return 'not reported';
  const parts: string[] = [];
  if (quota.requests_remaining !== null)
    parts.push(`${count(quota.requests_remaining)} / ${count(quota.requests_limit)} requests`);
  if (quota.tokens_remaining !== null)
    parts.push(`${count(quota.tokens_remaining)} / ${count(quota.tokens_limit)} tokens`);
  return parts.length ? parts.join(', ') : 'not reported';
}

/** SLO error budget left, cost per successful call (7 d) and the provider's quota left. */
export function BudgetFigures({ modelId, quota }: { modelId: number; quota: Quota | null }) {
  const slo = useSloStatus();
  const costs = useModelCosts(modelId);
  const objectives = slo.data?.models.find((m) => m.model_id === modelId)?.objectives ?? [];
  const availability = objectives.find((o) => o.objective === 'availability');
  const week = costs.data?.windows.last_7d;
  return (
    <dl className="facts wide" data-testid="budget-figures">
      <div>
        <dt>SLO budget left</dt>
        <dd data-field="slo-budget">
          {slo.isPending
            ? '…'
            : availability
              ? `${percent(availability.budget_left_percent)} (target ${availability.target} %)`
              : 'no SLO set'}
        </dd>
      </div>
      <div>
        <dt>SLO objectives met</dt>
        <dd>
          {objectives.length === 0 ? '–' : `${objectives.filter((o) => o.met === true).length} / ${objectives.length}`}
        </dd>
      </div>
      <div>
        <dt>Cost per call (7 d)</dt>
        <dd data-field="cost-per-call">
          {costs.isPending ? '…' : money(week?.cost_per_successful_call, costs.data?.price?.currency ?? 'USD')}
        </dd>
      </div>
      <div>
        <dt>Cost 30 d</dt>
        <dd>{money(costs.data?.windows.last_30d.cost, costs.data?.price?.currency ?? 'USD')}</dd>
      </div>
      <div>
        <dt>Quota left</dt>
        <dd data-field="quota">{quotaLeft(quota)}</dd>
      </div>
      {quota?.resets_at && (
        <div>
          <dt>Quota resets</dt>
          <dd>{when(quota.resets_at)}</dd>
        </div>
      )}
    </dl>
  );
}
