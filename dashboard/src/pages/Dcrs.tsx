// The daily evaluation (DCRS): a live progress bar while a run goes (dcrs_progress events), the latest
// run with its per-model results and its comparison with the previous run, the history, and an admin
// button to start a run now.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useDcrsHistory, useDcrsProgress, useDcrsRun, useDcrsStatus } from '../api/queries';
import { useAdminAction } from '../auth/useAdminAction';
import { duration, ms, score, when } from '../components/format';
import { ProgressBar } from '../components/ProgressBar';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { TableWrap } from '../components/TableWrap';
import { RunComparison } from './DcrsComparison';

function LiveProgress() {
  const progress = useDcrsProgress().data;
  if (!progress) return <p className="muted">No run in progress since this page opened.</p>;
  return (
    <div className="live-progress" data-phase={progress.phase}>
      <p>
        Run #{progress.run_id} ({progress.date}): <StatusBadge status={progress.phase} /> {progress.completed_tests} /{' '}
        {progress.total_tests} tests
        {progress.current_model && <> · last: {progress.current_model}</>}
        {progress.best_so_far && (
          <>
            {' '}
            · best so far: {progress.best_so_far.model} ({score(progress.best_so_far.score)})
          </>
        )}
      </p>
      <ProgressBar value={progress.percent} label="DCRS run progress" />
      {progress.error && <p className="error">{progress.error}</p>}
    </div>
  );
}

function RunResults({ runId }: { runId: number }) {
  const run = useDcrsRun(runId);
  return (
    <QueryState query={run}>
      {(detail) =>
        detail.results.length === 0 ? (
          <p className="muted">
            Run #{detail.id} recorded no per-model results{detail.is_demo ? ' (demo history)' : ''}.
          </p>
        ) : (
          <TableWrap label={`Results of run ${detail.id}`}>
            <table>
              <caption>
                Run #{detail.id}: <StatusBadge status={detail.status} /> ({detail.trigger},{' '}
                {duration(detail.duration_ms)})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Score</th>
                  <th scope="col">Passed</th>
                  <th scope="col">Failed</th>
                  <th scope="col">p50</th>
                  <th scope="col">p95</th>
                  <th scope="col">Probe</th>
                </tr>
              </thead>
              <tbody>
                {[...detail.results]
                  .sort((a, b) => b.score - a.score)
                  .map((result) => (
                    <tr key={result.model}>
                      <th scope="row">{result.model}</th>
                      <td>{score(result.score)}</td>
                      <td>{result.passed}</td>
                      <td>{result.failed}</td>
                      <td>{ms(result.p50_latency_ms)}</td>
                      <td>{ms(result.p95_latency_ms)}</td>
                      <td>{result.probe_mode}</td>
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

export function Dcrs() {
  const status = useDcrsStatus();
  const history = useDcrsHistory(30);
  const client = useQueryClient();
  const admin = useAdminAction();
  const [message, setMessage] = useState<string | null>(null);
  const [chosenRun, setChosenRun] = useState<number | null>(null);
  const start = async () => {
    setMessage(null);
    try {
      const started = await admin(() => unwrap(api.POST('/api/dcrs/run')));
      setMessage(`Run #${started.run_id} started.`);
      void client.invalidateQueries({ queryKey: ['dcrs'] });
    } catch (error) {
      setMessage(`Not started: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <div className="section-head">
        <h1>DCRS</h1>
        <button type="button" className="primary" onClick={() => void start()}>
          Start a run now
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Live progress</h2>
        <LiveProgress />
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest completed run</h2>
        <QueryState query={status}>
          {(latest) =>
            latest === null ? (
              <p className="muted">No run yet.</p>
            ) : (
              <>
                <p>
                  {latest.date} · {latest.total_tests} tests · average {score(latest.avg_score)} · best{' '}
                  <strong>{latest.best_model}</strong> · routing {latest.changes_applied ? 'changed' : 'unchanged'}
                </p>
                <RunResults runId={latest.id} />
                <h3>Compared with the previous run</h3>
                <RunComparison runId={latest.id} />
              </>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History (30 days)</h2>
        <p className="muted small">Choose a run to see its per-model results.</p>
        <QueryState query={history}>
          {(data) => (
            <TableWrap label="DCRS history">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    <th scope="col">Date</th>
                    <th scope="col">Tests</th>
                    <th scope="col">Average</th>
                    <th scope="col">Best</th>
                    <th scope="col">Routing</th>
                  </tr>
                </thead>
                <tbody>
                  {data.history.map((run) => (
                    <tr key={run.id}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link"
                          aria-pressed={chosenRun === run.id}
                          onClick={() => setChosenRun(chosenRun === run.id ? null : run.id)}
                        >
                          #{run.id}
                        </button>
                      </th>
                      <td>{when(run.execution_time)}</td>
                      <td>{run.total_tests}</td>
                      <td>{score(run.avg_score)}</td>
                      <td>{run.best_model}</td>
                      <td>{run.changes_applied ? 'changed' : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </QueryState>
        {chosenRun !== null && (
          <>
            <RunResults runId={chosenRun} />
            <RunComparison runId={chosenRun} />
          </>
        )}
      </section>
    </>
  );
}
