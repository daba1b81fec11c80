import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { renderWith, testClient } from '../test/render';
import { keyFor, storedKey } from './keys';
import { useAdminAction } from './useAdminAction';

/** An action that the "server" refuses without the right admin key. */
function Guarded({ expected }: { expected: string }) {
  const admin = useAdminAction();
  const [outcome, setOutcome] = useState('nothing yet');
  const act = () =>
    admin(() => {
      if (keyFor('admin') !== expected) return Promise.reject(new ApiError(401, 'A valid admin key is required'));
      return Promise.resolve('done');
    }).then(setOutcome, (error: Error) => setOutcome(`refused: ${error.message}`));
  return (
    <>
      <button type="button" onClick={() => void act()}>
        Do it
      </button>
      <p data-testid="outcome">{outcome}</p>
    </>
  );
}

describe('admin actions', () => {
  it('ask for the admin key once when refused, keep it for the session, and try again with it', async () => {
    const user = userEvent.setup();
    renderWith(testClient(), <Guarded expected="admin-key-0123456789" />);
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    const dialog = await screen.findByRole('dialog', { name: 'Admin key needed' });
    expect(dialog).toHaveTextContent('A valid admin key is required');
    expect(screen.getByLabelText('ADMIN_API_KEY')).toHaveFocus();
    await user.keyboard('admin-key-0123456789{Enter}');
    await waitFor(() => expect(screen.getByTestId('outcome')).toHaveTextContent('done'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(storedKey('admin')).toBe('admin-key-0123456789');
    // The next action goes through without asking; reads use the admin key too while no read key is held.
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    await waitFor(() => expect(screen.getByTestId('outcome')).toHaveTextContent('done'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(keyFor('read')).toBe('admin-key-0123456789');
  });

  it('give up when the dialog is cancelled (Escape), with the server refusal shown', async () => {
    const user = userEvent.setup();
    renderWith(testClient(), <Guarded expected="another-key-0123456789" />);
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.getByTestId('outcome')).toHaveTextContent('refused: A valid admin key is required'),
    );
    expect(storedKey('admin')).toBeNull();
  });
});
