import { buildTimeline, type TimelineFacts } from './timeline.js';

const at = (iso: string): Date => new Date(iso);
const FROM = at('2026-11-01T00:00:00Z');
const TO = at('2026-11-08T00:00:00Z');

const empty: TimelineFacts = {
  model: 'GPT',
  statusChanges: [],
  dcrsScores: [],
  routing: [],
  alerts: [],
  maintenance: [],
};

describe('a model timeline', () => {
  it('orders every kind of fact oldest first and says why', () => {
    const items = buildTimeline(
      {
        ...empty,
        statusChanges: [
          {
            at: at('2026-11-03T10:03:00Z'),
            previousStatus: 'healthy',
            status: 'down',
            cause: '3 failures in a row: timeout',
          },
        ],
        alerts: [
          {
            id: 4,
            type: 'model_down',
            severity: 'critical',
            message: 'GPT is down',
            createdAt: at('2026-11-03T10:03:00Z'),
            resolvedAt: at('2026-11-03T11:00:00Z'),
          },
        ],
        dcrsScores: [{ at: at('2026-11-02T08:00:00Z'), runId: 12, score: 9.5, passed: 19, failed: 1 }],
        routing: [
          {
            at: at('2026-11-02T08:01:00Z'),
            previousPrimary: 'Claude',
            primary: 'GPT',
            applied: true,
            reason: 'best score',
          },
        ],
        maintenance: [
          { windowId: 2, start: at('2026-11-05T02:00:00Z'), end: at('2026-11-05T02:30:00Z'), reason: 'upgrade' },
        ],
      },
      FROM,
      TO,
    );
    expect(items.map((i) => [i.at.toISOString(), i.type, i.summary])).toEqual([
      ['2026-11-02T08:00:00.000Z', 'dcrs_score', 'DCRS run 12: score 9.5 (19 passed, 1 failed)'],
      ['2026-11-02T08:01:00.000Z', 'routing_change', 'Became the primary model: best score'],
      ['2026-11-03T10:03:00.000Z', 'status_change', 'healthy → down: 3 failures in a row: timeout'],
      ['2026-11-03T10:03:00.000Z', 'alert_opened', 'model_down: GPT is down'],
      ['2026-11-03T11:00:00.000Z', 'alert_resolved', 'model_down resolved'],
      ['2026-11-05T02:00:00.000Z', 'maintenance_started', 'Maintenance started: upgrade'],
      ['2026-11-05T02:30:00.000Z', 'maintenance_ended', 'Maintenance ended: upgrade'],
    ]);
  });

  it('leaves out what falls outside the range, and a notice has no separate resolution', () => {
    const items = buildTimeline(
      {
        ...empty,
        alerts: [
          {
            id: 1,
            type: 'model_recovered',
            severity: 'info',
            message: 'back',
            createdAt: at('2026-11-04T00:00:00Z'),
            resolvedAt: at('2026-11-04T00:00:00Z'),
          },
        ],
        dcrsScores: [{ at: at('2026-10-30T08:00:00Z'), runId: 1, score: 1, passed: 0, failed: 2 }],
      },
      FROM,
      TO,
    );
    expect(items.map((i) => i.type)).toEqual(['alert_opened']);
  });
});
