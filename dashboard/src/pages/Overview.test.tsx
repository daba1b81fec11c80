import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Model } from '../api/client';
import { keys } from '../api/queries';
import { applyRealtimeEvent } from '../realtime/cache-updates';
import { metric, model, modelList, renderWith, testClient } from '../test/render';
import { Overview, sparkPointsByModel } from './Overview';

/** A status that maintenance windows add to the API; typed through string so that it compiles before and after. */
const MAINTENANCE = 'maintenance' as string as Model['status'];

function filledClient() {
  const client = testClient();
  client.setQueryData(
    keys.models,
    modelList(
      [
        model({ id: 1, name: 'Gemini', last_score: 9.9, response_time: 2300 }),
        model({ id: 2, name: 'Groq', status: MAINTENANCE, probe_mode: 'simulated' }),
        model({ id: 3, name: 'Mistral', status: 'down', uptime_percent: 80 }),
      ],
      9.3,
    ),
  );
  client.setQueryData(keys.metrics(1, 1), [
    metric({ model: 'Gemini', model_id: 1, score: 10, response_time: 2000, timestamp: '2026-02-01T07:00:00.000Z' }),
    metric({ model: 'Gemini', model_id: 1, score: 10, response_time: 2500, timestamp: '2026-02-01T06:00:00.000Z' }),
  ]);
  client.setQueryData(keys.routing, {
    primary: 'Gemini',
    fallbacks: ['Groq', 'Mistral'],
    mode: 'auto',
    updated_at: null,
    dcrs_run_id: null,
    reason: 'best score',
    recommendation: null,
  });
  client.setQueryData(keys.alerts, {
    alerts: [
      {
        id: 4,
        type: 'model_down',
        severity: 'critical',
        subject: 'Mistral',
        message: 'Mistral is down',
        created_at: '2026-02-01T07:30:00.000Z',
        resolved_at: null,
        acknowledged_at: null,
      },
    ],
  });
  return client;
}

describe('Overview', () => {
  it('shows a card per model with its status, the average, the routing and the open alerts', () => {
    renderWith(filledClient(), <Overview />);
    const cards = screen.getAllByRole('listitem').filter((item) => item.classList.contains('model-card'));
    expect(cards.map((card) => card.dataset.model)).toEqual(['Gemini', 'Groq', 'Mistral']);
    const groq = within(cards[1]);
    expect(groq.getByText('maintenance')).toHaveClass('tone-maint');
    expect(groq.getByText('simulated')).toBeInTheDocument();
    expect(cards[1]).toHaveClass('status-maintenance');
    expect(within(cards[0]).getByText('2,300 ms')).toBeInTheDocument();
    expect(
      within(cards[0]).getByRole('img', { name: /Gemini response time, 24 h: 2 calls, 2000 to 2500 ms/ }),
    ).toBeInTheDocument();
    expect(within(cards[1]).getByText('no calls in 24 h')).toBeInTheDocument();
    expect(screen.getByTestId('average-score')).toHaveTextContent('9.3');
    expect(screen.getByText('fallbacks: Groq, Mistral')).toBeInTheDocument();
    expect(screen.getByText('Mistral is down')).toBeInTheDocument();
    expect(screen.getByTestId('neural-signal')).toHaveTextContent('–');
  });

  it('moves its numbers when a model_update or neural_signal arrives', async () => {
    const client = filledClient();
    renderWith(client, <Overview />);
    act(() =>
      applyRealtimeEvent(client, 'model_update', {
        type: 'model_update',
        timestamp: '2026-02-01T08:00:05.000Z',
        models: [model({ id: 1, name: 'Gemini', last_score: 4.5 })],
        average_score: 4.5,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('average-score')).toHaveTextContent('4.5'));
    expect(screen.queryByText('Groq', { selector: 'a' })).toBeNull();
    act(() =>
      applyRealtimeEvent(client, 'neural_signal', {
        type: 'neural_signal',
        timestamp: '2026-02-01T08:01:00.000Z',
        models: [],
        overall_strength: 87.25,
        change: -1.5,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('neural-signal')).toHaveTextContent('87.3'));
    expect(screen.getByText('change -1.5')).toBeInTheDocument();
  });

  it('groups the 24 h of calls per model, oldest first', () => {
    const points = sparkPointsByModel([
      metric({ model: 'A', model_id: 1, score: 1, response_time: 30, timestamp: '2026-02-01T03:00:00.000Z' }),
      metric({ model: 'B', model_id: 2, score: 1, response_time: 99, timestamp: '2026-02-01T02:00:00.000Z' }),
      metric({ model: 'A', model_id: 1, score: 1, response_time: 10, timestamp: '2026-02-01T01:00:00.000Z' }),
    ]);
    expect(points.get(1)?.map((p) => p.value)).toEqual([10, 30]);
    expect(points.get(2)?.map((p) => p.value)).toEqual([99]);
  });
});
