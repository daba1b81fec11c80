// The overview: a card per model, the average score, where the brain routes, open alerts and the
// neural signal. Model numbers move with model_update, the signal with neural_signal.
import { Link } from 'react-router';
import type { Metric, Model } from '../api/client';
import { useAlerts, useDayOfCalls, useModels, useNeuralSignal, useRouting } from '../api/queries';
import { ms, percent, score } from '../components/format';
import { QueryState } from '../components/QueryState';
import { Sparkline, type SparkPoint } from '../components/Sparkline';
import { StatusBadge } from '../components/StatusBadge';

export function sparkPointsByModel(metrics: readonly Metric[]): Map<number, SparkPoint[]> {
  const byModel = new Map<number, SparkPoint[]>();
  for (const metric of metrics) {
    const points = byModel.get(metric.model_id) ?? [];
    points.push({ at: Date.parse(metric.timestamp), value: metric.response_time });
    byModel.set(metric.model_id, points);
  }
  for (const points of byModel.values()) points.sort((a, b) => a.at - b.at);
  return byModel;
}

function signedChange(change: number | null): string {
  if (change === null) return 'first signal';
  return `change ${change >= 0 ? '+' : ''}${change.toFixed(1)}`;
}

export function ModelCard({ model, spark }: { model: Model; spark: readonly SparkPoint[] }) {
  return (
    <li className={`card model-card status-${model.status}`} data-model={model.name}>
      <div className="card-head">
        <h3>
          <Link to={`/models/${model.id}`}>{model.name}</Link>
        </h3>
        <StatusBadge status={model.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>Score</dt>
          <dd data-field="score">{score(model.last_score)}</dd>
        </div>
        <div>
          <dt>Response</dt>
          <dd data-field="response_time">{ms(model.response_time)}</dd>
        </div>
        <div>
          <dt>Uptime</dt>
          <dd data-field="uptime">{percent(model.uptime_percent)}</dd>
        </div>
        <div>
          <dt>Probe</dt>
          <dd data-field="probe_mode">{model.probe_mode}</dd>
        </div>
      </dl>
      <Sparkline points={spark} label={`${model.name} response time, 24 h`} />
    </li>
  );
}

export function Overview() {
  const models = useModels();
  const calls = useDayOfCalls(models.data?.models.map((model) => model.id) ?? []);
  const routing = useRouting();
  const alerts = useAlerts();
  const signal = useNeuralSignal();
  const sparks = sparkPointsByModel(calls);
  const open = (alerts.data?.alerts ?? []).filter((alert) => alert.resolved_at === null);
  return (
    <>
      <h1>Overview</h1>
      <section className="summary" aria-label="Summary">
        <div className="stat">
          <span className="stat-label">Average score</span>
          <span className="stat-value" data-testid="average-score">
            {score(models.data?.average_score)}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Routing primary</span>
          <span className="stat-value">{routing.data?.primary ?? '–'}</span>
          <span className="stat-note">
            fallbacks: {routing.data?.fallbacks.length ? routing.data.fallbacks.join(', ') : 'none'}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Open alerts</span>
          <span className="stat-value">{alerts.data ? open.length : '–'}</span>
          <span className="stat-note">
            <Link to="/alerts">see alerts</Link>
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">Neural signal</span>
          <span className="stat-value" data-testid="neural-signal">
            {signal.data?.overall_strength == null ? '–' : signal.data.overall_strength.toFixed(1)}
          </span>
          <span className="stat-note">
            {signal.data ? signedChange(signal.data.change) : 'waiting for the next signal'}
          </span>
        </div>
      </section>
      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models</h2>
        <QueryState query={models}>
          {(data) => (
            <ul className="cards" aria-label="Models">
              {data.models.map((model) => (
                <ModelCard key={model.id} model={model} spark={sparks.get(model.id) ?? []} />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      {open.length > 0 && (
        <section aria-labelledby="open-alerts-heading">
          <h2 id="open-alerts-heading">Open alerts</h2>
          <ul className="list">
            {open.slice(0, 5).map((alert) => (
              <li key={alert.id}>
                <StatusBadge status={alert.severity} /> <strong>{alert.subject}</strong> {alert.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
