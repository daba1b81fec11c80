// One model: its current state, uptime over three windows, SLO budget, cost and quota, the last 24 h
// summary, latency and TTFT percentiles per hour over a chosen range (24 h also every call), speed and
// errors by kind per window, and its timeline over the same range.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Metric } from '../api/client';
import { useMetrics, useModel } from '../api/queries';
import { ms, percent, score, when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { TimeChart, type Series } from '../components/TimeChart';
import { BudgetFigures, ErrorsByKind, PercentileCharts, SpeedTable } from './ModelPanels';
import { ModelTimeline } from './ModelTimeline';

export const RANGES = [
  { days: 1, label: '24 h' },
  { days: 7, label: '7 d' },
  { days: 30, label: '30 d' },
] as const;

/** Oldest first, in epoch seconds, as uPlot wants them. */
export function chartData(metrics: readonly Metric[]): { times: number[]; latency: number[]; scores: number[] } {
  const sorted = [...metrics].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
  return {
    times: sorted.map((m) => Date.parse(m.timestamp) / 1000),
    latency: sorted.map((m) => m.response_time),
    scores: sorted.map((m) => m.score),
  };
}

export function RangeSelector({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Range">
      {RANGES.map((range) => (
        <button key={range.days} type="button" aria-pressed={days === range.days} onClick={() => onChange(range.days)}>
          {range.label}
        </button>
      ))}
    </div>
  );
}

function MetricCharts({ modelId, days }: { modelId: number; days: number }) {
  const metrics = useMetrics(modelId, days);
  const data = useMemo(() => chartData(metrics.data ?? []), [metrics.data]);
  const latency = useMemo<Series[]>(
    () => [{ label: 'response time (ms)', values: data.latency, color: '#3b82f6' }],
    [data],
  );
  const scores = useMemo<Series[]>(() => [{ label: 'score', values: data.scores, color: '#16a34a' }], [data]);
  return (
    <QueryState query={metrics}>
      {() => (
        <div className="charts">
          <TimeChart title="Response time (ms)" times={data.times} series={latency} />
          <TimeChart title="Score (0..10)" times={data.times} series={scores} />
        </div>
      )}
    </QueryState>
  );
}

export function ModelPage() {
  const id = Number(useParams().id);
  const model = useModel(id);
  const [days, setDays] = useState<number>(1);
  return (
    <>
      <p>
        <Link to="/">← Overview</Link>
      </p>
      <QueryState query={model}>
        {(m) => (
          <>
            <h1>
              {m.name} <StatusBadge status={m.status} />
            </h1>
            <section className="summary" aria-label="Current state">
              <div className="stat">
                <span className="stat-label">Score</span>
                <span className="stat-value">{score(m.last_score)}</span>
              </div>
              <div className="stat">
                <span className="stat-label">Response time</span>
                <span className="stat-value">{ms(m.response_time)}</span>
              </div>
              <div className="stat">
                <span className="stat-label">Uptime 24 h / 7 d / 30 d</span>
                <span className="stat-value small">
                  {percent(m.uptime.last_24h)} / {percent(m.uptime.last_7d)} / {percent(m.uptime.last_30d)}
                </span>
              </div>
              <div className="stat">
                <span className="stat-label">Probe mode</span>
                <span className="stat-value small">{m.probe_mode}</span>
                <span className="stat-note">last probe {when(m.last_probe_at)}</span>
              </div>
            </section>
            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading">Last 24 h</h2>
              <dl className="facts wide">
                <div>
                  <dt>Calls</dt>
                  <dd>{m.summary_24h.count}</dd>
                </div>
                <div>
                  <dt>Mean score</dt>
                  <dd>{score(m.summary_24h.mean_score)}</dd>
                </div>
                <div>
                  <dt>Mean response</dt>
                  <dd>{ms(m.summary_24h.mean_response_time)}</dd>
                </div>
                <div>
                  <dt>p95 response</dt>
                  <dd>{ms(m.summary_24h.p95_response_time)}</dd>
                </div>
                <div>
                  <dt>Last error</dt>
                  <dd>{m.last_error_kind ?? 'none'}</dd>
                </div>
                <div>
                  <dt>API type</dt>
                  <dd>{m.api_type}</dd>
                </div>
              </dl>
            </section>
            <section aria-labelledby="budget-heading">
              <h2 id="budget-heading">Budget, cost and quota</h2>
              <BudgetFigures modelId={m.id} quota={m.quota} />
            </section>
            <section aria-labelledby="charts-heading">
              <div className="section-head">
                <h2 id="charts-heading">Latency and time to first token</h2>
                <RangeSelector days={days} onChange={setDays} />
              </div>
              <PercentileCharts modelId={m.id} days={days} />
              {days === 1 && (
                <>
                  <h3>Every measured call (24 h)</h3>
                  <MetricCharts modelId={m.id} days={days} />
                </>
              )}
            </section>
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Timeline ({RANGES.find((r) => r.days === days)?.label})</h2>
              <ModelTimeline modelId={m.id} days={days} />
            </section>
            <section aria-labelledby="speed-heading">
              <h2 id="speed-heading">Speed per window</h2>
              <SpeedTable speed={m.speed} />
              <h3>Errors by kind</h3>
              <ErrorsByKind speed={m.speed} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
