// Runs an admin action; when the server refuses it for the key (401, 403), asks for the admin key once
// and tries again with it.
import { useCallback } from 'react';
import { isAuthError } from '../api/client';
import { storeKey } from './keys';
import { useAskForKey } from './KeyPrompt';

export function useAdminAction(): <T>(action: () => Promise<T>) => Promise<T> {
  const ask = useAskForKey();
  return useCallback(
    async <T>(action: () => Promise<T>): Promise<T> => {
      try {
        return await action();
      } catch (error) {
        if (!isAuthError(error)) throw error;
        storeKey('admin', null);
        if (!(await ask('admin', `The server answered: ${error.message}`))) throw error;
        return action();
      }
    },
    [ask],
  );
}
