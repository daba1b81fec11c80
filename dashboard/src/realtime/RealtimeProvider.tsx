// One Socket.io connection for the whole page: every broadcast event goes into the query cache
// (cache-updates.ts), and the connection state is shown in the header. Socket.io reconnects by itself
// after a server restart; on each reconnection every read loads again, for what was missed meanwhile.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { keyFor } from '../auth/keys';
import { useAskForKey } from '../auth/KeyPrompt';
import { applyRealtimeEvent, BROADCAST_EVENTS } from './cache-updates';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'refused';

const ConnectionContext = createContext<ConnectionState>('connecting');
export const useConnectionState = (): ConnectionState => useContext(ConnectionContext);

export function RealtimeProvider({ children, url }: { children: ReactNode; url?: string }) {
  const client = useQueryClient();
  const ask = useAskForKey();
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url ?? window.location.origin, {
      auth: (give) => give({ token: keyFor('read') ?? '' }),
      reconnectionDelayMax: 2000,
    });
    let everConnected = false;
    socket.on('connect', () => {
      setState('live');
      // Back after a drop: load everything again. First connection: retry only what failed (the server
      // may have been starting while the page loaded).
      const again = everConnected;
      void client.invalidateQueries({ predicate: (query) => again || query.state.status === 'error' });
      everConnected = true;
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // A stopping server disconnects its clients itself ("io server disconnect"), and Socket.io does not
      // reconnect after that on its own: start again, and let its backoff go on until the server is back.
      if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), 1000);
    });
    socket.on('connect_error', (error: Error & { data?: { statusCode?: number } }) => {
      const status = error.data?.statusCode;
      if (status === 401 || status === 403) {
        setState('refused');
        void ask('read', `The live feed was refused: ${error.message}`).then((given) => given && socket.connect());
      } else {
        setState(everConnected ? 'reconnecting' : 'connecting');
      }
    });
    for (const name of BROADCAST_EVENTS) {
      socket.on(name, (message: Parameters<ServerToClientEvents[typeof name]>[0]) =>
        applyRealtimeEvent(client, name, message),
      );
    }
    return () => {
      clearTimeout(retry);
      socket.disconnect();
    };
  }, [client, ask, url]);

  return <ConnectionContext.Provider value={state}>{children}</ConnectionContext.Provider>;
}
