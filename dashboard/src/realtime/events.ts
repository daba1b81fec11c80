// The socket events, typed by the backend's one event map (src/realtime/realtime-events.ts): imported
// as types only, so nothing of the server is bundled and a renamed field breaks this build too.
export type {
  AlertPayload,
  BroadcastEventName,
  BroadcastPayloads,
  ClientToServerEvents,
  DcrsProgressPayload,
  ManualTestResultPayload,
  RealtimeMessage,
  ServerToClientEvents,
} from '../../../src/realtime/realtime-events';
