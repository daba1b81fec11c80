import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { model, modelList, testClient } from '../test/render';
import { applyRealtimeEvent } from './cache-updates';

const AT = '2026-02-01T08:00:05.000Z';

describe('socket events into the query cache', () => {
  it('model_update replaces the cached model list with the numbers it carries', () => {
    const client = testClient();
    client.setQueryData(keys.models, modelList([model({ id: 1, name: 'Gemini', last_score: 9.9 })], 9.9));
    applyRealtimeEvent(client, 'model_update', {
      type: 'model_update',
      timestamp: AT,
      models: [model({ id: 1, name: 'Gemini', last_score: 5 })],
      average_score: 5,
    });
    expect(client.getQueryData(keys.models)).toEqual({
      models: [model({ id: 1, name: 'Gemini', last_score: 5 })],
      average_score: 5,
      timestamp: AT,
    });
  });

  it('dcrs_progress keeps the latest progress without its envelope, and a finished run reloads the DCRS reads', () => {
    const client = testClient();
    client.setQueryData(keys.dcrsStatus, null);
    const progress = {
      run_id: 7,
      date: '2026-02-01',
      completed_tests: 4,
      total_tests: 4,
      percent: 100,
      current_model: 'Groq',
      best_so_far: { model: 'Gemini', score: 10 },
    };
    applyRealtimeEvent(client, 'dcrs_progress', {
      type: 'dcrs_progress',
      timestamp: AT,
      phase: 'model_done',
      ...progress,
    });
    expect(client.getQueryState(keys.dcrsStatus)?.isInvalidated).toBe(false);
    applyRealtimeEvent(client, 'dcrs_progress', {
      type: 'dcrs_progress',
      timestamp: AT,
      phase: 'completed',
      ...progress,
    });
    expect(client.getQueryData(keys.dcrsProgress)).toEqual({ phase: 'completed', ...progress });
    expect(client.getQueryState(keys.dcrsStatus)?.isInvalidated).toBe(true);
  });

  it('manual_test_result stores the finished run and reloads the list; alert reloads the alerts', () => {
    const client = testClient();
    client.setQueryData(keys.manualTests, { runs: [] });
    client.setQueryData(keys.alerts, { alerts: [] });
    const run = {
      run_id: '6f0c1f5e-95a5-4a47-9b0e-4a4c7a0e0c11',
      status: 'completed' as const,
      models: ['Groq'],
      start_time: AT,
      end_time: AT,
      results: [{ model: 'Groq', score: 5, response_time: 120, passed: 1, failed: 1, error: null }],
      error: null,
    };
    applyRealtimeEvent(client, 'manual_test_result', { type: 'manual_test_result', timestamp: AT, ...run });
    expect(client.getQueryData(keys.manualTest(run.run_id))).toEqual(run);
    expect(client.getQueryState(keys.manualTests)?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.alerts)?.isInvalidated).toBe(false);
    applyRealtimeEvent(client, 'alert', {
      type: 'alert',
      timestamp: AT,
      state: 'opened',
      alert: {
        id: 1,
        type: 'model_down',
        severity: 'critical',
        subject: 'Groq',
        message: 'down',
        created_at: AT,
        resolved_at: null,
        acknowledged_at: null,
      },
    });
    expect(client.getQueryState(keys.alerts)?.isInvalidated).toBe(true);
  });
});
