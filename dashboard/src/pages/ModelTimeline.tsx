// What happened to a model, newest first: status changes with their cause, DCRS scores, routing
// changes, alerts and maintenance windows (GET /api/models/:id/timeline).
import { useTimeline } from '../api/queries';
import { when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';

const LABELS: Record<string, string> = {
  status_change: 'status',
  dcrs_score: 'DCRS score',
  routing_change: 'routing',
  alert_opened: 'alert opened',
  alert_resolved: 'alert resolved',
  maintenance_started: 'maintenance',
  maintenance_ended: 'maintenance end',
};

const TONE_OF_TYPE: Record<string, string> = {
  alert_opened: 'critical',
  alert_resolved: 'healthy',
  maintenance_started: 'maintenance',
  maintenance_ended: 'maintenance',
};

export function ModelTimeline({ modelId, days }: { modelId: number; days: number }) {
  const timeline = useTimeline(modelId, days);
  return (
    <QueryState query={timeline}>
      {(data) =>
        data.items.length === 0 ? (
          <p className="muted">Nothing happened in this range.</p>
        ) : (
          <ol className="timeline" data-testid="timeline" aria-label={`Timeline of ${data.model}`}>
            {[...data.items].reverse().map((item, index) => (
              <li key={`${item.at}-${item.type}-${index}`} data-type={item.type}>
                <time dateTime={item.at}>{when(item.at)}</time>
                <span>
                  <StatusBadge status={TONE_OF_TYPE[item.type] ?? 'info'} label={LABELS[item.type] ?? item.type} />
                </span>
                <span>{item.summary}</span>
              </li>
            ))}
          </ol>
        )
      }
    </QueryState>
  );
}
