import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { model, modelList, renderWith, testClient } from '../test/render';
import { localToIso, Maintenance } from './Maintenance';

function filledClient() {
  const client = testClient();
  client.setQueryData(keys.models, modelList([model({ id: 1, name: 'Gemini', status: 'maintenance' })], 9));
  client.setQueryData(keys.maintenance, {
    windows: [
      {
        id: 5,
        model_id: 1,
        starts_at: '2026-02-01T07:00:00.000Z',
        ends_at: '2026-02-01T09:00:00.000Z',
        cron: null,
        duration_minutes: null,
        reason: 'Provider upgrade',
        active: true,
        next_occurrence: { starts_at: '2026-02-01T07:00:00.000Z', ends_at: '2026-02-01T09:00:00.000Z' },
        created_at: '2026-01-31T07:00:00.000Z',
      },
      {
        id: 6,
        model_id: null,
        starts_at: null,
        ends_at: null,
        cron: '0 2 * * 0',
        duration_minutes: 30,
        reason: 'Weekly restart',
        active: false,
        next_occurrence: { starts_at: '2026-02-08T02:00:00.000Z', ends_at: '2026-02-08T02:30:00.000Z' },
        created_at: '2026-01-31T07:00:00.000Z',
      },
    ],
  });
  return client;
}

describe('maintenance windows page', () => {
  it('lists one-off and recurring windows, the one under way in the maintenance colour, each deletable', () => {
    renderWith(filledClient(), <Maintenance />);
    const table = screen.getByTestId('maintenance-windows');
    const oneOff = table.querySelector('tr[data-window="5"]') as HTMLElement;
    const weekly = table.querySelector('tr[data-window="6"]') as HTMLElement;
    expect(oneOff).toHaveTextContent('Gemini');
    expect(oneOff).toHaveTextContent('Provider upgrade');
    expect(within(oneOff).getByText('under way')).toHaveClass('tone-maint');
    expect(weekly).toHaveTextContent('every model');
    expect(weekly).toHaveTextContent('0 2 * * 0 (UTC), 30 min');
    expect(within(weekly).queryByText('under way')).toBeNull();
    expect(screen.getByRole('button', { name: 'Delete window 6' })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add a one-off window' });
    expect(within(form).getByRole('option', { name: 'Every model' })).toBeInTheDocument();
    expect(within(form).getByRole('option', { name: 'Gemini' })).toBeInTheDocument();
  });

  it('turns the form’s local times into instants, and refuses an empty one', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('not a date')).toBeNull();
    expect(localToIso('2026-02-01T10:30')).toBe(new Date(2026, 1, 1, 10, 30).toISOString());
  });
});
