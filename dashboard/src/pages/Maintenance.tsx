// Maintenance windows: planned time in which a model (or every model) is in `maintenance` instead of
// down, its calls left out of uptime and SLOs. The list, a form for a one-off window, and delete; adding
// and deleting are admin actions (the admin key is asked for once). Recurring (cron) windows are listed;
// they are created through the API.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, expectOk, unwrap } from '../api/client';
import { keys, useMaintenanceWindows, useModels } from '../api/queries';
import { useAdminAction } from '../auth/useAdminAction';
import { when } from '../components/format';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import { TableWrap } from '../components/TableWrap';

/** A `datetime-local` value (the browser's time zone) as an ISO instant; null when empty or invalid. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function AddWindow({ onDone }: { onDone: (message: string) => void }) {
  const models = useModels();
  const client = useQueryClient();
  const admin = useAdminAction();
  const [modelId, setModelId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const starts = localToIso(startsAt);
    const ends = localToIso(endsAt);
    if (!starts || !ends) return onDone('Give a start and an end.');
    try {
      const created = await admin(() =>
        unwrap(
          api.POST('/api/maintenance-windows', {
            body: { model_id: modelId ? Number(modelId) : null, starts_at: starts, ends_at: ends, reason },
          }),
        ),
      );
      onDone(`Window #${created.id} added.`);
      setReason('');
      void client.invalidateQueries({ queryKey: keys.maintenance });
      void client.invalidateQueries({ queryKey: keys.models });
    } catch (error) {
      onDone(`Not added: ${(error as Error).message}`);
    }
  };
  return (
    <form className="form-row" onSubmit={(event) => void submit(event)} aria-label="Add a one-off window">
      <label>
        Model
        <select value={modelId} onChange={(event) => setModelId(event.target.value)}>
          <option value="">Every model</option>
          {models.data?.models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Starts
        <input type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      </label>
      <label>
        Ends
        <input type="datetime-local" required value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
      </label>
      <label>
        Reason
        <input type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Add window
      </button>
    </form>
  );
}

export function Maintenance() {
  const windows = useMaintenanceWindows();
  const models = useModels();
  const client = useQueryClient();
  const admin = useAdminAction();
  const [message, setMessage] = useState<string | null>(null);
  const nameOf = (id: number | null) =>
    id === null ? 'every model' : (models.data?.models.find((m) => m.id === id)?.name ?? `model #${id}`);
  const remove = async (id: number) => {
    setMessage(null);
    try {
      await admin(() => expectOk(api.DELETE('/api/maintenance-windows/{id}', { params: { path: { id } } })));
      setMessage(`Window #${id} deleted.`);
      void client.invalidateQueries({ queryKey: keys.maintenance });
      void client.invalidateQueries({ queryKey: keys.models });
    } catch (error) {
      setMessage(`Not deleted: ${(error as Error).message}`);
    }
  };
  return (
    <>
      <h1>Maintenance windows</h1>
      {message && <p role="status">{message}</p>}
      <section aria-labelledby="windows-heading">
        <h2 id="windows-heading">Windows</h2>
        <QueryState query={windows}>
          {(data) =>
            data.windows.length === 0 ? (
              <p className="muted">No maintenance window.</p>
            ) : (
              <TableWrap label="Maintenance windows">
                <table data-testid="maintenance-windows">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Model</th>
                      <th scope="col">When</th>
                      <th scope="col">Next or current</th>
                      <th scope="col">Reason</th>
                      <th scope="col">State</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.windows.map((w) => (
                      <tr key={w.id} data-window={w.id}>
                        <th scope="row">{w.id}</th>
                        <td>{nameOf(w.model_id)}</td>
                        <td>
                          {w.cron
                            ? `${w.cron} (UTC), ${w.duration_minutes} min`
                            : `${when(w.starts_at)} – ${when(w.ends_at)}`}
                        </td>
                        <td>
                          {w.next_occurrence
                            ? `${when(w.next_occurrence.starts_at)} – ${when(w.next_occurrence.ends_at)}`
                            : 'over'}
                        </td>
                        <td>{w.reason}</td>
                        <td>{w.active ? <StatusBadge status="maintenance" label="under way" /> : '–'}</td>
                        <td>
                          <button type="button" aria-label={`Delete window ${w.id}`} onClick={() => void remove(w.id)}>
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="add-window-heading">
        <h2 id="add-window-heading">Add a one-off window (admin)</h2>
        <AddWindow onDone={setMessage} />
      </section>
    </>
  );
}
