// The cartridges: status, success rate, last execution, and the recent executions of the one chosen.
// cartridge_result events reload the list.
import { useState } from 'react';
import { useCartridgeResults, useCartridges } from '../api/queries';
import { duration, percent, when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { TableWrap } from '../components/TableWrap';

function Executions({ name }: { name: string }) {
  const results = useCartridgeResults(name);
  return (
    <QueryState query={results}>
      {(data) =>
        data.results.length === 0 ? (
          <p className="muted">No execution yet.</p>
        ) : (
          <TableWrap label={`Executions of ${name}`}>
            <table>
              <caption>Recent executions of {name}</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Status</th>
                  <th scope="col">Duration</th>
                  <th scope="col">Summary</th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((execution) => (
                  <tr key={execution.id}>
                    <td>{when(execution.started_at)}</td>
                    <td>
                      <StatusBadge status={execution.status} />
                    </td>
                    <td>{duration(execution.duration_ms)}</td>
                    <td>{execution.summary ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      }
    </QueryState>
  );
}

export function Cartridges() {
  const cartridges = useCartridges();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <>
      <h1>Cartridges</h1>
      <QueryState query={cartridges}>
        {(data) => (
          <>
            <ul className="cards" aria-label="Cartridges">
              {data.cartridges.map((cartridge) => (
                <li key={cartridge.name} className="card">
                  <div className="card-head">
                    <h2 className="h3">{cartridge.name}</h2>
                    <StatusBadge status={cartridge.status} />
                  </div>
                  {cartridge.description && <p className="muted">{cartridge.description}</p>}
                  <dl className="facts">
                    <div>
                      <dt>Success (30 d)</dt>
                      <dd>{percent(cartridge.success_rate)}</dd>
                    </div>
                    <div>
                      <dt>Last run</dt>
                      <dd>{when(cartridge.last_execution)}</dd>
                    </div>
                  </dl>
                  <button
                    type="button"
                    aria-pressed={chosen === cartridge.name}
                    onClick={() => setChosen(chosen === cartridge.name ? null : cartridge.name)}
                  >
                    Recent executions
                  </button>
                </li>
              ))}
            </ul>
            {chosen && <Executions name={chosen} />}
          </>
        )}
      </QueryState>
    </>
  );
}
