// Routing: where the brain sends requests now and why (policy, rule, the models it compared), a pending
// recommendation, every change, and the export snippets for gateways. routing_changed events reload it.
import { useRouting, useRoutingHistory } from '../api/queries';
import { when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { TableWrap } from '../components/TableWrap';
import { ComparedModels, ExportSnippets } from './RoutingExport';

export function Routing() {
  const routing = useRouting();
  const history = useRoutingHistory();
  return (
    <>
      <h1>Routing</h1>
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">Current decision</h2>
        <QueryState query={routing}>
          {(decision) => (
            <>
              <dl className="facts wide">
                <div>
                  <dt>Primary</dt>
                  <dd data-testid="routing-primary">{decision.primary ?? 'none'}</dd>
                </div>
                <div>
                  <dt>Fallbacks</dt>
                  <dd>{decision.fallbacks.length ? decision.fallbacks.join(' → ') : 'none'}</dd>
                </div>
                <div>
                  <dt>Mode</dt>
                  <dd>{decision.mode}</dd>
                </div>
                <div>
                  <dt>Policy</dt>
                  <dd data-testid="routing-policy">{decision.policy}</dd>
                </div>
                <div>
                  <dt>Rule that chose</dt>
                  <dd>{decision.rule ?? '–'}</dd>
                </div>
                <div>
                  <dt>Updated</dt>
                  <dd>{when(decision.updated_at)}</dd>
                </div>
              </dl>
              <p>
                <strong>Reason:</strong> {decision.reason}
              </p>
              {decision.recommendation && (
                <p className="note">
                  Recommended (not applied): <strong>{decision.recommendation.primary}</strong>, then{' '}
                  {decision.recommendation.fallbacks.join(', ') || 'nothing'}: {decision.recommendation.reason}
                </p>
              )}
              <h3>Models compared</h3>
              <ComparedModels decision={decision} />
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export to a gateway</h2>
        <ExportSnippets />
      </section>
      <section aria-labelledby="routing-history-heading">
        <h2 id="routing-history-heading">History</h2>
        <QueryState query={history}>
          {(data) =>
            data.changes.length === 0 ? (
              <p className="muted">No change yet.</p>
            ) : (
              <TableWrap label="Routing history">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">From</th>
                      <th scope="col">To</th>
                      <th scope="col">Fallbacks</th>
                      <th scope="col">Applied</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.changes.map((change) => (
                      <tr key={change.id}>
                        <td>{when(change.created_at)}</td>
                        <td>{change.previous_primary ?? '–'}</td>
                        <td>{change.primary}</td>
                        <td>{change.fallbacks.join(', ')}</td>
                        <td>{change.applied ? 'yes' : 'recommended'}</td>
                        <td>{change.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
