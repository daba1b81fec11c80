// A DCRS run against its baseline (the previous run of the same suite): score per model, the delta,
// and the cases that flipped, highlighted (pass → fail in the "bad" colour, fail → pass in the "good"
// one, and said in words too).
import { useDcrsComparison } from '../api/queries';
import type { Schemas } from '../api/client';
import { score } from '../components/format';
import { QueryState } from '../components/QueryState';
import { TableWrap } from '../components/TableWrap';

type ModelComparison = Schemas['ModelComparisonResponse'];

/** The row's highlight: regressions first (a model may have both). */
export function flipOf(row: ModelComparison): 'flipped-bad' | 'flipped-good' | '' {
  if (row.pass_to_fail.length > 0) return 'flipped-bad';
  if (row.fail_to_pass.length > 0) return 'flipped-good';
  return '';
}

const delta = (value: number | null): string =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`;

export function RunComparison({ runId }: { runId: number }) {
  const comparison = useDcrsComparison(runId);
  return (
    <QueryState query={comparison}>
      {(data) =>
        data === null || data.baseline_run_id === null ? (
          <p className="muted">No previous run to compare run #{runId} with.</p>
        ) : !data.comparable ? (
          <p className="muted">
            Run #{runId} cannot be compared with run #{data.baseline_run_id}: {data.reason ?? 'different suites'}.
          </p>
        ) : (
          <TableWrap label={`Run ${runId} against run ${data.baseline_run_id}`}>
            <table data-testid="dcrs-comparison">
              <caption>
                Run #{runId} against run #{data.baseline_run_id}
                {data.suite_name ? ` (suite ${data.suite_name})` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Score</th>
                  <th scope="col">Before</th>
                  <th scope="col">Change</th>
                  <th scope="col">Now failing</th>
                  <th scope="col">Now passing</th>
                  <th scope="col">Answered by</th>
                </tr>
              </thead>
              <tbody>
                {data.models.map((row) => (
                  <tr key={row.model} className={flipOf(row) || undefined} data-model={row.model}>
                    <th scope="row">{row.model}</th>
                    <td>{score(row.score)}</td>
                    <td>{score(row.baseline_score)}</td>
                    <td>{delta(row.score_delta)}</td>
                    <td>{row.pass_to_fail.length ? `⚠ ${row.pass_to_fail.join(', ')}` : '–'}</td>
                    <td>{row.fail_to_pass.length ? `✓ ${row.fail_to_pass.join(', ')}` : '–'}</td>
                    <td>
                      {row.fingerprint ?? '–'}
                      {row.fingerprint_changed && <strong> (changed from {row.baseline_fingerprint ?? '–'})</strong>}
                    </td>
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
