// The JSON text clients receive is the contract (README, realtime section): names, casing and order.
import {
  toAlertPayload,
  toCartridgeResultPayload,
  toDcrsProgressPayload,
  toManualTestResultPayload,
  toRoutingChangedPayload,
} from './domain-event.mapper.js';

const at = (iso: string): Date => new Date(iso);

describe('domain events to wire payloads', () => {
  it('an alert becomes the API shape with ISO instants', () => {
    const payload = toAlertPayload({
      id: 3,
      type: 'model_down',
      severity: 'critical',
      subject: 'Gemini',
      message: 'Gemini is down',
      createdAt: at('2026-02-01T08:00:00.000Z'),
      resolvedAt: null,
      acknowledgedAt: at('2026-02-01T08:02:00.000Z'),
    });
    expect(JSON.stringify(payload)).toBe(
      '{"id":3,"type":"model_down","severity":"critical","subject":"Gemini","message":"Gemini is down",' +
        '"created_at":"2026-02-01T08:00:00.000Z","resolved_at":null,"acknowledged_at":"2026-02-01T08:02:00.000Z"}',
    );
  });

  describe('DCRS progress', () => {
    const progress = {
      runId: 7,
      date: '2026-02-01',
      completedTests: 10,
      totalTests: 40,
      currentModel: 'Groq',
      bestSoFar: { model: 'Groq', score: 9.5 },
    };

    it('carries the percent of tests done, rounded', () => {
      expect(JSON.stringify(toDcrsProgressPayload({ ...progress, phase: 'model_done', completedTests: 13 }))).toBe(
        '{"run_id":7,"date":"2026-02-01","phase":"model_done","completed_tests":13,"total_tests":40,"percent":33,' +
          '"current_model":"Groq","best_so_far":{"model":"Groq","score":9.5}}',
      );
    });

    it('a run with no tests yet is at 0 %, a completed run at 100 % even with none', () => {
      const empty = { ...progress, completedTests: 0, totalTests: 0, currentModel: null, bestSoFar: null };
      expect(toDcrsProgressPayload({ ...empty, phase: 'started' }).percent).toBe(0);
      expect(toDcrsProgressPayload({ ...empty, phase: 'completed' }).percent).toBe(100);
    });

    it('a failed run adds its error last; the other phases have no error field', () => {
      const failed = toDcrsProgressPayload({ ...progress, phase: 'failed', error: 'database gone' });
      expect(JSON.stringify(failed)).toBe(
        '{"run_id":7,"date":"2026-02-01","phase":"failed","completed_tests":10,"total_tests":40,"percent":25,' +
          '"current_model":"Groq","best_so_far":{"model":"Groq","score":9.5},"error":"database gone"}',
      );
      expect(toDcrsProgressPayload({ ...progress, phase: 'started' })).not.toHaveProperty('error');
    });
  });

  it('a cartridge result nests the execution in snake_case', () => {
    const payload = toCartridgeResultPayload({
      cartridge: 'Bio-Cartridge',
      execution: {
        id: 41,
        status: 'success',
        startedAt: at('2026-02-01T07:00:00.000Z'),
        finishedAt: at('2026-02-01T07:00:05.000Z'),
        durationMs: 5000,
        summary: null,
      },
      successRate: 87.5,
    });
    expect(JSON.stringify(payload)).toBe(
      '{"cartridge":"Bio-Cartridge","execution":{"id":41,"status":"success","started_at":"2026-02-01T07:00:00.000Z",' +
        '"finished_at":"2026-02-01T07:00:05.000Z","duration_ms":5000,"summary":null},"success_rate":87.5}',
    );
  });

  it('a finished manual test is the run as GET /api/manual-test/:run_id shows it', () => {
    const payload = toManualTestResultPayload({
      runId: 'run-1',
      status: 'completed',
      models: ['Groq'],
      startTime: at('2026-02-01T08:00:00.000Z'),
      endTime: null,
      results: [{ model: 'Groq', score: 9.5, responseTime: 900, passed: 4, failed: 0, error: null }],
      error: null,
    });
    expect(JSON.stringify(payload)).toBe(
      '{"run_id":"run-1","status":"completed","models":["Groq"],"start_time":"2026-02-01T08:00:00.000Z",' +
        '"end_time":null,"results":[{"model":"Groq","score":9.5,"response_time":900,"passed":4,"failed":0,' +
        '"error":null}],"error":null}',
    );
  });

  it('a routing change is the decision as GET /api/routing shows it', () => {
    const payload = toRoutingChangedPayload({
      primary: 'Groq',
      fallbacks: ['Gemini'],
      mode: 'auto',
      updatedAt: at('2026-02-01T08:05:00.000Z'),
      dcrsRunId: 7,
      reason: 'best score',
    });
    expect(JSON.stringify(payload)).toBe(
      '{"primary":"Groq","fallbacks":["Gemini"],"mode":"auto","updated_at":"2026-02-01T08:05:00.000Z",' +
        '"dcrs_run_id":7,"reason":"best score"}',
    );
  });
});
