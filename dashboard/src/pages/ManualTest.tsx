// Manual test: pick models, start a run (admin), and watch it until it ends (manual_test_result
// events; while a run is queued or testing the list also reloads every few seconds, in case the
// live feed is down).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type ManualTestRun } from '../api/client';
import { keys, useManualTests, useModels } from '../api/queries';
import { useAdminAction } from '../auth/useAdminAction';
import { ms, score, when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { TableWrap } from '../components/TableWrap';

function RunCard({ run }: { run: ManualTestRun }) {
  return (
    <li className="card" data-run-id={run.run_id} data-status={run.status}>
      <div className="card-head">
        <h3>{run.models.join(', ')}</h3>
        <StatusBadge status={run.status} />
      </div>
      <p className="muted small">
        started {when(run.start_time)}
        {run.end_time && <> · ended {when(run.end_time)}</>}
      </p>
      {run.error && <p className="error">{run.error}</p>}
      {run.results.length > 0 && (
        <TableWrap label={`Results of ${run.models.join(', ')}`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Score</th>
                <th scope="col">Response</th>
                <th scope="col">Passed</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {run.results.map((result) => (
                <tr key={result.model}>
                  <th scope="row">{result.model}</th>
                  <td>{score(result.score)}</td>
                  <td>{ms(result.response_time)}</td>
                  <td>{result.passed}</td>
                  <td>{result.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </li>
  );
}

export function ManualTest() {
  const models = useModels();
  const runs = useManualTests();
  const client = useQueryClient();
  const admin = useAdminAction();
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const start = async () => {
    setMessage(null);
    try {
      const accepted = await admin(() => unwrap(api.POST('/api/manual-test', { body: { models: picked } })));
      setMessage(`Run ${accepted.run_id} is ${accepted.status}.`);
      await client.invalidateQueries({ queryKey: keys.manualTests });
    } catch (error) {
      setMessage(`Not started: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <h1>Manual test</h1>
      <section aria-labelledby="pick-heading">
        <h2 id="pick-heading">Models to test</h2>
        <QueryState query={models}>
          {(data) => (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void start();
              }}
            >
              <fieldset className="pick">
                <legend>Pick one or more</legend>
                {data.models.map((model) => (
                  <label key={model.id} className="check">
                    <input
                      type="checkbox"
                      name="models"
                      value={model.name}
                      checked={picked.includes(model.name)}
                      onChange={(event) =>
                        setPicked(
                          event.target.checked ? [...picked, model.name] : picked.filter((name) => name !== model.name),
                        )
                      }
                    />
                    {model.name}
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="primary" disabled={picked.length === 0}>
                Start test
              </button>
            </form>
          )}
        </QueryState>
        {message && <p role="status">{message}</p>}
      </section>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading">Runs</h2>
        <QueryState query={runs}>
          {(data) =>
            data.runs.length === 0 ? (
              <p className="muted">No run yet.</p>
            ) : (
              <ul className="cards runs" aria-label="Manual test runs">
                {data.runs.map((run) => (
                  <RunCard key={run.run_id} run={run} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
