// Renders a page with a query cache filled beforehand (no network), inside a router and the key prompt.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Metric, Model, ModelList } from '../api/client';
import { KeyPromptProvider } from '../auth/KeyPrompt';

export function testClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
}

export function renderWith(client: QueryClient, ui: ReactNode, path = '/') {
  return render(
    <QueryClientProvider client={client}>
      <KeyPromptProvider>
        <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
      </KeyPromptProvider>
    </QueryClientProvider>,
  );
}

export function model(overrides: Partial<Model> & Pick<Model, 'id' | 'name'>): Model {
  return {
    api_type: 'openai',
    last_score: 9,
    response_time: 1200,
    uptime_percent: 99.5,
    status: 'healthy',
    updated_at: '2026-02-01T08:00:00.000Z',
    probe_mode: 'live',
    provider_model: null,
    base_url: null,
    enabled: true,
    last_probe_at: '2026-02-01T07:59:00.000Z',
    last_error_kind: null,
    quota: null,
    ...overrides,
  };
}

export function modelList(models: Model[], average: number | null): ModelList {
  return { models, average_score: average, timestamp: '2026-02-01T08:00:00.000Z' };
}

/** One measured call (a probe unless told), without tokens, TTFT or cost unless told. */
export function metric(overrides: Partial<Metric> & Pick<Metric, 'model_id' | 'timestamp'>): Metric {
  return {
    model: `model ${overrides.model_id}`,
    score: 9,
    response_time: 1000,
    kind: 'probe',
    ttft_ms: null,
    tokens_per_second: null,
    input_tokens: null,
    output_tokens: null,
    cost: null,
    ...overrides,
  };
}
