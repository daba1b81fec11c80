import type { ModelResponse } from '../models/dto/model.response.js';
import { applyModelDelta, diffModelLists, type ModelListState } from './model-delta.js';

const model = (id: number, status: ModelResponse['status'] = 'healthy'): ModelResponse => ({
  id,
  name: `M${id}`,
  api_type: 'openai',
  last_score: 9,
  response_time: 1000,
  uptime_percent: 100,
  status,
  updated_at: '2026-02-01T08:00:00.000Z',
  probe_mode: 'simulated',
  provider_model: null,
  base_url: null,
  enabled: true,
  last_probe_at: null,
  last_error_kind: null,
  quota: null,
});

const state = (models: ModelResponse[]): ModelListState => ({
  models,
  texts: new Map(models.map((m) => [m.id, JSON.stringify(m)])),
});

describe('diffModelLists', () => {
  it('one model degraded, one added, one removed: only those three travel', () => {
    const before = state([model(1), model(2), model(3)]);
    const after = state([model(1), model(2, 'degraded'), model(4)]);
    const change = diffModelLists(before, after);
    expect(change.changed.map((m) => [m.id, m.status])).toEqual([
      [2, 'degraded'],
      [4, 'healthy'],
    ]);
    expect(change.removed).toEqual([3]);
  });

  it('the same list: nothing', () => {
    expect(diffModelLists(state([model(1)]), state([model(1)]))).toEqual({ changed: [], removed: [] });
  });
});

describe('applyModelDelta', () => {
  it('replaces, adds and removes, and keeps id order', () => {
    const list = [model(1), model(3), model(5)];
    const next = applyModelDelta(list, { changed: [model(4), model(3, 'down')], removed: [1] });
    expect(next.map((m) => [m.id, m.status])).toEqual([
      [3, 'down'],
      [4, 'healthy'],
      [5, 'healthy'],
    ]);
  });

  it('over several deltas rebuilds the list the diff was taken from', () => {
    const lists = [
      [model(1), model(2)],
      [model(1, 'down'), model(2), model(3)],
      [model(2), model(3, 'degraded')],
      [model(2, 'unknown'), model(3, 'degraded'), model(7)],
    ];
    let client = lists[0];
    for (let i = 1; i < lists.length; i++) {
      client = applyModelDelta(client, diffModelLists(state(lists[i - 1]), state(lists[i])));
      expect(client).toEqual(lists[i]);
    }
  });
});
