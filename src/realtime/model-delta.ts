// The delta stream of the model list, pure: what changed between two lists (by each model's JSON text),
// and how a client rebuilds the list from a model_snapshot and the model_delta events after it.
import type { ModelResponse } from '../models/dto/model.response.js';
import type { ModelDeltaPayload } from './realtime-events.js';

export interface ModelListState {
  models: readonly ModelResponse[];
  /** Each model's JSON text, by id. */
  texts: ReadonlyMap<number, string>;
}

export interface ModelListChange {
  changed: ModelResponse[];
  removed: number[];
}

/** Models new or different in `next` (in its order), and the ids `previous` had that `next` lacks. */
export function diffModelLists(previous: ModelListState, next: ModelListState): ModelListChange {
  const changed = next.models.filter((model) => previous.texts.get(model.id) !== next.texts.get(model.id));
  const removed = [...previous.texts.keys()].filter((id) => !next.texts.has(id));
  return { changed, removed };
}

/**
 * What a client does with a delta: replace or add the changed models, drop the removed ones, and keep
 * the list in id order (the order of GET /api/models). The caller checks `seq` first: a delta is
 * applied only when its seq is the last one plus one, on the same stream.
 */
export function applyModelDelta(
  models: readonly ModelResponse[],
  delta: Pick<ModelDeltaPayload, 'changed' | 'removed'>,
): ModelResponse[] {
  const byId = new Map(models.map((model) => [model.id, model]));
  for (const id of delta.removed) byId.delete(id);
  for (const model of delta.changed) byId.set(model.id, model);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
