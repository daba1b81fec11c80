// Alerts: the open ones first, then the recent resolved ones; an admin acknowledges an open one.
// alert events reload the list.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Alert } from '../api/client';
import { keys, useAlerts } from '../api/queries';
import { useAdminAction } from '../auth/useAdminAction';
import { when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';

function AlertRow({ alert, onAck }: { alert: Alert; onAck?: (alert: Alert) => void }) {
  return (
    <li className="alert-row" data-alert-id={alert.id}>
      <div>
        <StatusBadge status={alert.severity} /> <strong>{alert.subject}</strong>{' '}
        <span className="muted">{alert.type}</span>
        <p>{alert.message}</p>
        <p className="muted small">
          opened {when(alert.created_at)}
          {alert.resolved_at && <> · resolved {when(alert.resolved_at)}</>}
          {alert.acknowledged_at && <> · acknowledged {when(alert.acknowledged_at)}</>}
        </p>
      </div>
      {onAck && alert.acknowledged_at === null && (
        <button
          type="button"
          onClick={() => onAck(alert)}
          aria-label={`Acknowledge alert ${alert.id}: ${alert.subject}`}
        >
          Acknowledge
        </button>
      )}
    </li>
  );
}

export function Alerts() {
  const alerts = useAlerts();
  const client = useQueryClient();
  const admin = useAdminAction();
  const [problem, setProblem] = useState<string | null>(null);
  const acknowledge = async (alert: Alert) => {
    setProblem(null);
    try {
      await admin(() => unwrap(api.POST('/api/alerts/{id}/ack', { params: { path: { id: alert.id } } })));
      await client.invalidateQueries({ queryKey: keys.alerts });
    } catch (error) {
      setProblem(`Not acknowledged: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <h1>Alerts</h1>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <QueryState query={alerts}>
        {(data) => {
          const open = data.alerts.filter((alert) => alert.resolved_at === null);
          const recent = data.alerts.filter((alert) => alert.resolved_at !== null);
          return (
            <>
              <section aria-labelledby="open-heading">
                <h2 id="open-heading">Open ({open.length})</h2>
                {open.length === 0 ? (
                  <p className="muted">Nothing open.</p>
                ) : (
                  <ul className="list" aria-label="Open alerts">
                    {open.map((alert) => (
                      <AlertRow key={alert.id} alert={alert} onAck={(a) => void acknowledge(a)} />
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="recent-heading">
                <h2 id="recent-heading">Recently resolved</h2>
                {recent.length === 0 ? (
                  <p className="muted">None.</p>
                ) : (
                  <ul className="list" aria-label="Resolved alerts">
                    {recent.map((alert) => (
                      <AlertRow key={alert.id} alert={alert} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
