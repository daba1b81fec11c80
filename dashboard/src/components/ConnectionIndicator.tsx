import { useConnectionState, type ConnectionState } from '../realtime/RealtimeProvider';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Live feed refused (key)',
};

export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <span className={`connection connection-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
