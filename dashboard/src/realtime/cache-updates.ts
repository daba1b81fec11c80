// What each socket event does to the query cache: the numbers it carries replace the cached ones at
// once; events that only say "something changed" mark the matching reads stale so they load again.
import type { QueryClient } from '@tanstack/react-query';
import type { ModelList } from '../api/client';
import { keys } from '../api/queries';
import type { BroadcastEventName, RealtimeMessage } from './events';

export function applyRealtimeEvent<K extends BroadcastEventName>(
  client: QueryClient,
  type: K,
  message: RealtimeMessage<K>,
): void {
  // One switch over the union (TypeScript narrows `message` by `type` only through the message itself).
  const event = message as RealtimeMessage<BroadcastEventName>;
  switch (event.type) {
    case 'model_update':
      client.setQueryData<ModelList>(keys.models, {
        models: event.models,
        average_score: event.average_score,
        timestamp: event.timestamp,
      });
      return;
    case 'model_delta':
      // Only for clients that subscribe with `deltas: true` (then in place of model_update, after a
      // model_snapshot reply). The dashboard never does: it takes the whole list each interval, so that a
      // missed message needs no sequence bookkeeping. Ignored on purpose, should one ever arrive.
      return;
    case 'neural_signal': {
      const { type: _type, timestamp: _timestamp, ...signal } = event;
      client.setQueryData(keys.neuralSignal, signal);
      return;
    }
    case 'alert':
      void client.invalidateQueries({ queryKey: keys.alerts });
      return;
    case 'dcrs_progress': {
      const { type: _type, timestamp: _timestamp, ...progress } = event;
      client.setQueryData(keys.dcrsProgress, progress);
      if (progress.phase !== 'started' && progress.phase !== 'model_done') {
        void client.invalidateQueries({ queryKey: ['dcrs'] });
      }
      return;
    }
    case 'cartridge_result':
      void client.invalidateQueries({ queryKey: keys.cartridges });
      return;
    case 'manual_test_result': {
      const { type: _type, timestamp: _timestamp, ...run } = event;
      client.setQueryData(keys.manualTest(run.run_id), run);
      void client.invalidateQueries({ queryKey: keys.manualTests });
      return;
    }
    case 'routing_changed':
      void client.invalidateQueries({ queryKey: keys.routing });
      return;
  }
}

export const BROADCAST_EVENTS: readonly BroadcastEventName[] = [
  'model_update',
  'neural_signal',
  'alert',
  'dcrs_progress',
  'cartridge_result',
  'manual_test_result',
  'routing_changed',
];
