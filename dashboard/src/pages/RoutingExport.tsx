// The routing decision as a gateway's configuration (GET /api/routing/export), one format at a time,
// with a button that copies it. routing_changed events reload it (its key is under ['routing']).
import { useState } from 'react';
import { useRoutingExport, type ExportFormat } from '../api/queries';
import { money } from '../components/format';
import { QueryState } from '../components/QueryState';
import { TableWrap } from '../components/TableWrap';
import type { Routing } from '../api/client';

export const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'litellm', label: 'LiteLLM (YAML)' },
  { format: 'openrouter', label: 'OpenRouter' },
  { format: 'portkey', label: 'Portkey' },
  { format: 'json', label: 'JSON' },
];

export function ExportSnippets() {
  const [format, setFormat] = useState<ExportFormat>('litellm');
  const [copied, setCopied] = useState<string | null>(null);
  const snippet = useRoutingExport(format);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${FORMATS.find((f) => f.format === format)?.label} copied.`);
    } catch {
      setCopied('Could not copy: select the text and copy it by hand.');
    }
  };
  return (
    <>
      <div className="segmented" role="group" aria-label="Export format">
        {FORMATS.map((f) => (
          <button
            key={f.format}
            type="button"
            aria-pressed={format === f.format}
            onClick={() => {
              setFormat(f.format);
              setCopied(null);
            }}
          >
            {f.label}
          </button>
        ))}
      </div>
      <QueryState query={snippet}>
        {(text) => (
          <>
            <pre className="snippet" data-testid="export-snippet" data-format={format} tabIndex={0}>
              <code>{text}</code>
            </pre>
            <button type="button" onClick={() => void copy(text)}>
              Copy
            </button>{' '}
            <span role="status">{copied}</span>
          </>
        )}
      </QueryState>
    </>
  );
}

/** What the policy's rule compared to choose the primary: best score first. */
export function ComparedModels({ decision }: { decision: Routing }) {
  if (decision.compared.length === 0) return <p className="muted">No eligible model compared yet.</p>;
  return (
    <TableWrap label="Models compared">
      <table data-testid="routing-compared">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Score</th>
            <th scope="col">Cost per call (7 d)</th>
            <th scope="col">Within margin</th>
          </tr>
        </thead>
        <tbody>
          {decision.compared.map((row) => (
            <tr key={row.model}>
              <th scope="row">{row.model}</th>
              <td>{row.score.toFixed(1)}</td>
              <td>{money(row.cost_per_call)}</td>
              <td>{row.within_margin ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
