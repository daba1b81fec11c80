import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { renderWith, testClient } from '../test/render';
import { Routing } from './Routing';

const LITELLM = 'router_settings:\n  fallbacks:\n    - Gemini: [Groq]\n';

function filledClient() {
  const client = testClient();
  client.setQueryData(keys.routing, {
    policy: 'cost_within',
    rule: 'cost_within',
    compared: [
      { model: 'Gemini', score: 9.9, cost_per_call: 0.002, within_margin: true },
      { model: 'Groq', score: 9.8, cost_per_call: 0.0001, within_margin: true },
      { model: 'Mistral', score: 7, cost_per_call: null, within_margin: false },
    ],
    primary: 'Groq',
    fallbacks: ['Gemini'],
    mode: 'auto',
    updated_at: '2026-02-01T08:00:00.000Z',
    dcrs_run_id: 3,
    reason: 'Groq costs least within 0.2 of the best score',
    recommendation: null,
  });
  client.setQueryData(keys.routingHistory, { changes: [] });
  client.setQueryData(keys.routingExport('litellm'), LITELLM);
  client.setQueryData(keys.routingExport('json'), '{\n  "primary": "Groq"\n}');
  return client;
}

describe('routing page', () => {
  it('shows the policy, the rule and the figures it compared', () => {
    renderWith(filledClient(), <Routing />);
    expect(screen.getByTestId('routing-policy')).toHaveTextContent('cost_within');
    const rows = within(screen.getByTestId('routing-compared')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Gemini9.90.0020 USDyes',
      'Groq9.80.00010 USDyes',
      'Mistral7.0–no',
    ]);
  });

  it('shows each export snippet and copies the one shown', async () => {
    const user = userEvent.setup();
    renderWith(filledClient(), <Routing />);
    expect(screen.getByTestId('export-snippet')).toHaveTextContent('router_settings:');
    await user.click(screen.getByRole('button', { name: 'JSON' }));
    expect(screen.getByTestId('export-snippet')).toHaveAttribute('data-format', 'json');
    expect(screen.getByTestId('export-snippet')).toHaveTextContent('"primary": "Groq"');
    await user.click(screen.getByRole('button', { name: 'LiteLLM (YAML)' }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(LITELLM);
    expect(screen.getByText('LiteLLM (YAML) copied.')).toBeInTheDocument();
  });
});
