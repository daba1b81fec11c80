import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { applyRealtimeEvent } from '../realtime/cache-updates';
import { renderWith, testClient } from '../test/render';
import { Dcrs } from './Dcrs';

const RUN = {
  id: 3,
  date: '2026-02-01',
  execution_time: '2026-02-01T08:00:00.000Z',
  total_tests: 4,
  avg_score: 7.5,
  best_model: 'Gemini',
  changes_applied: true,
};

function filledClient() {
  const client = testClient();
  client.setQueryData(keys.dcrsStatus, null);
  client.setQueryData(keys.dcrsHistory(30), { days: 30, history: [RUN] });
  client.setQueryData(keys.dcrsRun(3), {
    ...RUN,
    status: 'completed',
    trigger: 'manual',
    finished_at: '2026-02-01T08:00:02.000Z',
    duration_ms: 2000,
    error: null,
    is_demo: false,
    results: [
      {
        model: 'Groq',
        score: 5,
        passed: 1,
        failed: 1,
        p50_latency_ms: 100,
        p95_latency_ms: 120,
        error_kinds: {},
        probe_mode: 'live',
      },
      {
        model: 'Gemini',
        score: 10,
        passed: 2,
        failed: 0,
        p50_latency_ms: 90,
        p95_latency_ms: 95,
        error_kinds: {},
        probe_mode: 'live',
      },
    ],
  });
  client.setQueryData(keys.dcrsCompare(3), {
    run_id: 3,
    baseline_run_id: 2,
    comparable: true,
    reason: null,
    suite_hash: 'abc',
    baseline_suite_hash: 'abc',
    suite_name: 'default',
    models: [
      {
        model: 'Groq',
        score: 5,
        baseline_score: 7.5,
        score_delta: -2.5,
        pass_to_fail: ['arithmetic'],
        fail_to_pass: [],
        fingerprint: 'llama-3.1-8b',
        baseline_fingerprint: 'llama-3-8b',
        fingerprint_changed: true,
      },
      {
        model: 'Gemini',
        score: 10,
        baseline_score: 7.5,
        score_delta: 2.5,
        pass_to_fail: [],
        fail_to_pass: ['capital'],
        fingerprint: null,
        baseline_fingerprint: null,
        fingerprint_changed: false,
      },
    ],
  });
  return client;
}

describe('DCRS page', () => {
  it('says when there is no run yet, and shows a history run’s per-model results, best first', async () => {
    const user = userEvent.setup();
    renderWith(filledClient(), <Dcrs />);
    expect(screen.getByText('No run yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '#3' }));
    const results = screen.getByRole('region', { name: 'Results of run 3' });
    const rows = within(results).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Gemini', 'Groq']);
  });

  it('compares a run with the previous one, the flipped cases highlighted and named', async () => {
    const user = userEvent.setup();
    renderWith(filledClient(), <Dcrs />);
    await user.click(screen.getByRole('button', { name: '#3' }));
    const table = screen.getByTestId('dcrs-comparison');
    expect(within(table).getByText('Run #3 against run #2 (suite default)')).toBeInTheDocument();
    const groq = table.querySelector('tr[data-model="Groq"]')!;
    const gemini = table.querySelector('tr[data-model="Gemini"]')!;
    expect(groq).toHaveClass('flipped-bad');
    expect(groq).toHaveTextContent('−2.5');
    expect(groq).toHaveTextContent('⚠ arithmetic');
    expect(groq).toHaveTextContent('(changed from llama-3-8b)');
    expect(gemini).toHaveClass('flipped-good');
    expect(gemini).toHaveTextContent('+2.5');
    expect(gemini).toHaveTextContent('✓ capital');
  });

  it('fills the progress bar from dcrs_progress events', async () => {
    const client = filledClient();
    renderWith(client, <Dcrs />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    const event = {
      type: 'dcrs_progress' as const,
      timestamp: '2026-02-01T08:00:01.000Z',
      run_id: 4,
      date: '2026-02-01',
      phase: 'model_done' as const,
      completed_tests: 2,
      total_tests: 4,
      percent: 50,
      current_model: 'Gemini',
      best_so_far: { model: 'Gemini', score: 10 },
    };
    act(() => applyRealtimeEvent(client, 'dcrs_progress', event));
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'DCRS run progress' })).toHaveAttribute('aria-valuenow', '50'),
    );
    expect(screen.getByText(/best so far: Gemini \(10\.0\)/)).toBeInTheDocument();
  });
});
