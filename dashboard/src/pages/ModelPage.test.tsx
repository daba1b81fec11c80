import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { MetricPoint, Schemas } from '../api/client';
import { keys } from '../api/queries';
import { model, renderWith, testClient } from '../test/render';
import { errorKinds, percentileData } from './ModelPanels';
import { ModelPage } from './ModelPage';

type Speed = Schemas['SpeedResponse'];

const speed = (calls: number, p95: number, errors: Record<string, number>): Speed => ({
  calls,
  successes: calls - Object.values(errors).reduce((a, b) => a + b, 0),
  errors_by_kind: errors,
  response_time_ms: { p50: 800, p95, p99: p95 * 2 },
  ttft_ms: { p50: 240, p95: 610 },
  tokens_per_second: { p50: 72.5 },
});

const SPEED = {
  last_24h: speed(100, 1900, { timeout: 2 }),
  last_7d: speed(700, 2000, { timeout: 5, server_error: 1 }),
  last_30d: speed(3000, 2100, { timeout: 9, server_error: 12 }),
};

const point = (bucket: string, p50: number | null): MetricPoint => ({
  model: 'Gemini',
  model_id: 1,
  bucket_start: bucket,
  calls: 60,
  successes: 60,
  maintenance_calls: 0,
  uptime: 100,
  errors_by_kind: {},
  mean_score: 9.5,
  response_time_ms: { p50, p95: 1900, p99: 3400 },
  ttft_ms: { p50: 240, p95: 610 },
  tokens_per_second: { p50: 70 },
  output_tokens: 0,
  input_tokens: 0,
  cost: 0,
});

function filledClient() {
  const client = testClient();
  client.setQueryData(keys.model(1), {
    ...model({ id: 1, name: 'Gemini', status: 'maintenance' }),
    quota: {
      requests_remaining: 499,
      requests_limit: 500,
      tokens_remaining: null,
      tokens_limit: null,
      resets_at: null,
      read_at: '2026-02-01T07:59:00.000Z',
    },
    summary_24h: { count: 100, mean_score: 9.5, mean_response_time: 900, p95_response_time: 1900 },
    uptime: { last_24h: 98, last_7d: 99.1, last_30d: 99.5 },
    speed: SPEED,
  });
  client.setQueryData(keys.metrics(1, 1), []);
  client.setQueryData(keys.metricPoints(1, 1, 'hour'), []);
  client.setQueryData(keys.metricPoints(1, 7, 'hour'), []);
  client.setQueryData(keys.timeline(1, 1), {
    model_id: 1,
    model: 'Gemini',
    from: '2026-01-31T08:00:00.000Z',
    to: '2026-02-01T08:00:00.000Z',
    items: [
      { at: '2026-02-01T01:00:00.000Z', type: 'status_change', summary: 'healthy → down: timeout', details: {} },
      { at: '2026-02-01T02:00:00.000Z', type: 'maintenance_started', summary: 'Provider upgrade', details: {} },
    ],
  });
  client.setQueryData(keys.timeline(1, 7), {
    model_id: 1,
    model: 'Gemini',
    from: '2026-01-25T08:00:00.000Z',
    to: '2026-02-01T08:00:00.000Z',
    items: [{ at: '2026-01-27T01:00:00.000Z', type: 'dcrs_score', summary: 'DCRS run #4: 9.1', details: {} }],
  });
  client.setQueryData(keys.slo, {
    models: [
      {
        model_id: 1,
        model: 'Gemini',
        window_days: 30,
        objectives: [
          {
            objective: 'availability',
            target: 99.5,
            current: 99.6,
            met: true,
            budget_left_percent: 20,
            burn_rate_1h: 0,
            burn_rate_6h: 0.5,
          },
          {
            objective: 'latency_p95',
            target: 1500,
            current: 1900,
            met: false,
            budget_left_percent: null,
            burn_rate_1h: null,
            burn_rate_6h: null,
          },
        ],
      },
    ],
  });
  const figures = (cpc: number | null) => ({
    calls: 10,
    successes: 10,
    cost: 0.5,
    input_tokens: 1,
    output_tokens: 1,
    probe_cost: 0,
    evaluation_cost: 0,
    cost_per_successful_call: cpc,
    mean_score: null,
    cost_per_quality_point: null,
  });
  client.setQueryData(keys.modelCosts(1), {
    model_id: 1,
    model: 'Gemini',
    price: null,
    windows: { last_24h: figures(null), last_7d: figures(0.0000042), last_30d: figures(0.001) },
  });
  return client;
}

describe('the model page', () => {
  it('shows the timeline, speed per window, errors by kind, SLO budget, cost per call and quota', async () => {
    const user = userEvent.setup();
    renderWith(
      filledClient(),
      <Routes>
        <Route path="/models/:id" element={<ModelPage />} />
      </Routes>,
      '/models/1',
    );
    expect(await screen.findByRole('heading', { name: /Gemini/, level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }).querySelector('.badge')).toHaveClass('tone-maint');

    const timeline = screen.getByTestId('timeline');
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.dataset['type'])).toEqual(['maintenance_started', 'status_change']);
    expect(within(items[1]).getByText('healthy → down: timeout')).toBeInTheDocument();
    expect(within(items[0]).getByText('maintenance')).toHaveClass('tone-maint');

    const speedRows = within(screen.getByTestId('speed-table')).getAllByRole('row');
    expect(speedRows.map((row) => row.textContent)).toEqual([
      'WindowCallsOKp50p95p99TTFT p50TTFT p95Tokens/s p50',
      '24 h10098800 ms1,900 ms3,800 ms240 ms610 ms72.5',
      '7 d700694800 ms2,000 ms4,000 ms240 ms610 ms72.5',
      '30 d3,0002,979800 ms2,100 ms4,200 ms240 ms610 ms72.5',
    ]);
    const errorRows = within(screen.getByTestId('errors-by-kind')).getAllByRole('row');
    expect(errorRows.slice(1).map((row) => row.textContent)).toEqual(['server_error0112', 'timeout259']);

    expect(screen.getByTestId('budget-figures').querySelector('[data-field="slo-budget"]')).toHaveTextContent(
      '20.0 % (target 99.5 %)',
    );
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
    expect(screen.getByTestId('budget-figures').querySelector('[data-field="cost-per-call"]')).toHaveTextContent(
      '0.0000042 USD',
    );
    expect(screen.getByTestId('budget-figures').querySelector('[data-field="quota"]')).toHaveTextContent(
      '499 / 500 requests',
    );
    expect(screen.getByText('Every measured call (24 h)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '7 d' }));
    expect(await screen.findByText('DCRS run #4: 9.1')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Timeline (7 d)' })).toBeInTheDocument();
    expect(screen.queryByText('Every measured call (24 h)')).toBeNull();
  });

  it('orders hourly points oldest first for the percentile charts, gaps kept as null', () => {
    const data = percentileData([point('1970-01-01T02:00:00.000Z', 900), point('1970-01-01T01:00:00.000Z', null)]);
    expect(data.times).toEqual([3600, 7200]);
    expect(data.p50).toEqual([null, 900]);
    expect(data.p99).toEqual([3400, 3400]);
    expect(data.ttftP95).toEqual([610, 610]);
  });

  it('lists error kinds by their 30-day count', () => {
    expect(errorKinds(SPEED)).toEqual([
      { kind: 'server_error', counts: [0, 1, 12] },
      { kind: 'timeout', counts: [2, 5, 9] },
    ]);
  });
});
