// What a client of the raw /ws endpoint may send: the seed's plain text `get_models`, or JSON
// `{"type": "get_models"}`, `{"type": "subscribe", "topics": [...]}`, `{"type": "unsubscribe", ...}`. Pure.
import type { RealtimeTopic } from './realtime-events.js';
import { parseTopics } from './realtime-topics.js';

export type RawCommand =
  | { kind: 'get_models' }
  | { kind: 'subscribe' | 'unsubscribe'; topics: RealtimeTopic[]; deltas?: boolean }
  | { kind: 'invalid'; message: string };

const HELP = 'send get_models, or JSON such as {"type":"subscribe","topics":["dcrs","alerts"]}';
const ECHO_LIMIT = 60;

function invalid(message: string): RawCommand {
  return { kind: 'invalid', message };
}

function echo(text: string): string {
  return JSON.stringify(text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text);
}

/** `text` is null for a binary frame. */
export function parseRawCommand(text: string | null): RawCommand {
  if (text === null) return invalid(`Binary messages are not understood: ${HELP}`);
  const trimmed = text.trim();
  if (trimmed === 'get_models') return { kind: 'get_models' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return invalid(`Unknown message ${echo(trimmed)}: ${HELP}`);
  }
  const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
  switch (type) {
    case 'get_models':
      return { kind: 'get_models' };
    case 'subscribe':
    case 'unsubscribe': {
      const { topics, deltas } = parsed as { topics?: unknown; deltas?: unknown };
      const request = parseTopics(type, deltas === undefined ? topics : { topics, deltas });
      if (!request.ok) return invalid(request.message);
      return request.deltas === undefined
        ? { kind: type, topics: request.topics }
        : { kind: type, topics: request.topics, deltas: request.deltas };
    }
    default:
      return invalid(
        typeof type === 'string'
          ? `Unknown message type ${echo(type)}: ${HELP}`
          : `A JSON message needs a "type": ${HELP}`,
      );
  }
}
