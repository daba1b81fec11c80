// AlertsService with its real repository: conditions open once per type and subject (open_key) and
// resolve; notices are stored resolved; decisions apply one after another; acknowledgements keep their
// first time; reminders are claimed once per period. Time is the test clock's.
import type { AlertAction } from '../../src/alerts/alert-rules.js';
import { AlertEntity } from '../../src/alerts/alert.entity.js';
import type { AlertSeverity, AlertType } from '../../src/common/alert-kinds.js';
import { AlertsModule } from '../../src/alerts/alerts.module.js';
import { AlertsRepository } from '../../src/alerts/alerts.repository.js';
import { AlertsService, type AlertDecision } from '../../src/alerts/alerts.service.js';
import { DomainError } from '../../src/common/domain-error.js';
import type { AlertEvent } from '../../src/events/domain-events.js';
import { insertOpenAlert, minutesBefore } from '../factories/fixtures.js';
import { recordEvents } from '../setup/domain-events.js';
import { deleteAllRows } from '../setup/rows.js';
import { startServiceModule, type ServiceModule } from '../setup/service-module.js';
import { FIXED_NOW } from '../setup/test-app.js';

let s: ServiceModule;
let alerts: AlertsService;
let opened: AlertEvent[];
let resolved: AlertEvent[];

beforeAll(async () => {
  s = await startServiceModule({ imports: [AlertsModule] });
  alerts = s.get(AlertsService);
  opened = recordEvents(s.module, 'alert.opened');
  resolved = recordEvents(s.module, 'alert.resolved');
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await deleteAllRows(s.dataSource, AlertEntity);
  s.clock.set(FIXED_NOW);
  opened.length = 0;
  resolved.length = 0;
});

const minutesAfter = (minutes: number): Date => minutesBefore(FIXED_NOW, -minutes);

const open = (
  subject: string,
  type: AlertType = 'model_down',
  severity: AlertSeverity = type === 'model_down' ? 'critical' : 'warning',
): AlertAction => ({ action: 'open', type, severity, subject, message: `${type} ${subject}` });
const resolve = (subject: string, type: AlertType = 'model_down'): AlertAction => ({
  action: 'resolve',
  type,
  subject,
});
const notice = (subject: string, type: AlertType = 'model_recovered', fact = 'at-1'): AlertAction => ({
  action: 'notice',
  type,
  severity: 'info',
  subject,
  message: `${type} ${subject}`,
  fact,
});
/** A decision that applies these actions whatever is open. */
const always =
  (...actions: AlertAction[]): AlertDecision =>
  () =>
    actions;

/** Every alert row, oldest first, with the columns these rules write. */
async function stored() {
  const rows = await s.get(AlertsRepository).findFiltered({ limit: 1000 });
  return rows
    .sort((a, b) => a.id - b.id)
    .map((a) => ({
      id: a.id,
      type: a.type,
      subject: a.subject,
      createdAt: a.createdAt,
      resolvedAt: a.resolvedAt,
      acknowledgedAt: a.acknowledgedAt,
      openKey: a.openKey,
      dedupeKey: a.dedupeKey,
    }));
}

describe('conditions', () => {
  it('open once: a second open of the same type and subject writes nothing and announces nothing', async () => {
    const seen: string[][] = [];
    const decide: AlertDecision = (openKeys) => {
      seen.push([...openKeys]);
      return [open('Alpha')];
    };
    await alerts.evaluate('test', decide);
    s.clock.advance(60_000);
    await alerts.evaluate('test', decide);

    expect(await stored()).toEqual([
      {
        id: expect.any(Number),
        type: 'model_down',
        subject: 'Alpha',
        createdAt: FIXED_NOW,
        resolvedAt: null,
        acknowledgedAt: null,
        openKey: 'model_down:Alpha',
        dedupeKey: null,
      },
    ]);
    expect(seen).toEqual([[], ['model_down:Alpha']]);
    expect(opened).toHaveLength(1);
  });

  it('the same subject under another type is another condition', async () => {
    await alerts.evaluate('test', always(open('Beta'), open('Beta', 'model_degraded')));
    expect((await stored()).map((a) => a.openKey)).toEqual(['model_down:Beta', 'model_degraded:Beta']);
    expect(opened).toHaveLength(2);
  });

  it('decisions queued together apply in order: the resolve queued right behind an open finds it open', async () => {
    const opening = alerts.evaluate('first', always(open('Gamma')));
    const resolving = alerts.evaluate('second', (openKeys) =>
      openKeys.has('model_down:Gamma') ? [resolve('Gamma')] : [],
    );
    await Promise.all([opening, resolving]);

    expect(await stored()).toEqual([
      expect.objectContaining({ subject: 'Gamma', createdAt: FIXED_NOW, resolvedAt: FIXED_NOW, openKey: null }),
    ]);
    expect([opened.length, resolved.length]).toEqual([1, 1]);
  });

  it('resolving when nothing of that type and subject is open changes nothing', async () => {
    await alerts.evaluate('test', always(open('Delta', 'model_degraded')));
    await alerts.evaluate('test', always(resolve('Delta'), resolve('Nobody', 'model_degraded')));
    expect((await stored()).map((a) => [a.openKey, a.resolvedAt])).toEqual([['model_degraded:Delta', null]]);
    expect(resolved).toHaveLength(0);
  });

  it('a resolved condition opens again as a new alert; the first keeps its resolution time', async () => {
    await alerts.evaluate('test', always(open('Epsilon')));
    s.clock.set(minutesAfter(5));
    await alerts.evaluate('test', always(resolve('Epsilon')));
    s.clock.set(minutesAfter(10));
    await alerts.evaluate('test', always(open('Epsilon')));

    expect((await stored()).map((a) => [a.createdAt, a.resolvedAt, a.openKey])).toEqual([
      [FIXED_NOW, minutesAfter(5), null],
      [minutesAfter(10), null, 'model_down:Epsilon'],
    ]);
    expect([opened.length, resolved.length]).toEqual([2, 1]);
  });

  it("another instance's open alert holds the open_key: an open that did not see it writes nothing", async () => {
    const theirs = await insertOpenAlert(s.dataSource, { type: 'model_down', subject: 'Zeta', at: minutesAfter(-3) });
    const logged = s.logs.length;
    // The decision ignores what is open, as one taken in another process a moment earlier would.
    await alerts.evaluate('test', always(open('Zeta')));

    expect((await stored()).map((a) => [a.id, a.openKey])).toEqual([[theirs.id, 'model_down:Zeta']]);
    expect(opened).toHaveLength(0);
    // Not a failure: the guard did its job.
    expect(s.logs.slice(logged).filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('notices', () => {
  it('are stored resolved as they are created, hold no open key, and each fact is one notice', async () => {
    await alerts.evaluate('test', always(notice('Eta', 'model_recovered', 'at-1')));
    s.clock.set(minutesAfter(1));
    await alerts.evaluate('test', always(notice('Eta', 'model_recovered', 'at-2')));

    expect((await stored()).map((a) => [a.type, a.createdAt, a.resolvedAt, a.openKey, a.dedupeKey])).toEqual([
      ['model_recovered', FIXED_NOW, FIXED_NOW, null, 'model_recovered:Eta:at-1'],
      ['model_recovered', minutesAfter(1), minutesAfter(1), null, 'model_recovered:Eta:at-2'],
    ]);
    expect(await s.get(AlertsRepository).findOpenKeys()).toEqual(new Set());
    expect([opened.length, resolved.length]).toEqual([2, 0]);
  });

  it('the same fact recorded twice (another instance, the same event again) is stored and announced once', async () => {
    await Promise.all([
      alerts.evaluate('here', always(notice('Iota', 'routing_changed', 'dcrs-run-7'))),
      alerts.evaluate('there', always(notice('Iota', 'routing_changed', 'dcrs-run-7'))),
    ]);
    s.clock.set(minutesAfter(1));
    await alerts.evaluate('later', always(notice('Iota', 'routing_changed', 'dcrs-run-7')));
    expect((await stored()).map((a) => [a.type, a.dedupeKey, a.createdAt])).toEqual([
      ['routing_changed', 'routing_changed:Iota:dcrs-run-7', FIXED_NOW],
    ]);
    expect(opened.map((a) => a.type)).toEqual(['routing_changed']);
    expect(s.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('neither resolve nor block the open condition about the same subject', async () => {
    await alerts.evaluate('test', always(open('Theta')));
    await alerts.evaluate('test', always(notice('Theta', 'model_down')));
    expect((await stored()).map((a) => [a.resolvedAt, a.openKey])).toEqual([
      [null, 'model_down:Theta'],
      [FIXED_NOW, null],
    ]);
  });
});

describe('a decision that fails', () => {
  it('is logged with its source and applies nothing; the decisions queued after it still apply', async () => {
    const logged = s.logs.length;
    const failing = alerts.evaluate('broken-rule', () => {
      throw new Error('rule bug');
    });
    const next = alerts.evaluate('test', always(open('Iota')));

    await expect(failing).resolves.toBeUndefined();
    await next;
    expect((await stored()).map((a) => a.subject)).toEqual(['Iota']);
    const errors = s.logs
      .slice(logged)
      .filter((l) => l.level === 'error' && l.parts.includes('Applying alert rules failed'));
    expect(errors.map((l) => (l.parts[0] as { source: string }).source)).toEqual(['broken-rule']);
  });
});

describe('acknowledge', () => {
  it('records the first time only and leaves the alert open', async () => {
    await alerts.evaluate('test', always(open('Kappa')));
    const [alert] = await stored();
    s.clock.set(minutesAfter(2));
    const first = await alerts.acknowledge(alert.id);
    s.clock.set(minutesAfter(7));
    const second = await alerts.acknowledge(alert.id);

    expect(first.acknowledged_at).toBe(minutesAfter(2).toISOString());
    expect(second.acknowledged_at).toBe(minutesAfter(2).toISOString());
    expect(await stored()).toEqual([
      expect.objectContaining({ acknowledgedAt: minutesAfter(2), resolvedAt: null, openKey: 'model_down:Kappa' }),
    ]);
  });

  it('an unknown alert is a not_found domain error', async () => {
    const acknowledging = alerts.acknowledge(987_654);
    await expect(acknowledging).rejects.toBeInstanceOf(DomainError);
    await expect(acknowledging).rejects.toMatchObject({ code: 'not_found', message: 'Alert 987654 not found' });
  });
});

describe('reminders', () => {
  it('claim open, unacknowledged critical alerts once per period', async () => {
    await alerts.evaluate(
      'test',
      always(open('Due'), open('Warning-only', 'model_degraded'), open('Acknowledged'), open('Resolved')),
    );
    const ids = Object.fromEntries((await stored()).map((a) => [a.subject, a.id]));
    await alerts.acknowledge(ids['Acknowledged']);
    await alerts.evaluate('test', always(resolve('Resolved')));
    const claim = async (at: Date): Promise<string[]> => {
      s.clock.set(at);
      return (await alerts.claimDueReminders(30)).map((a) => a.subject);
    };

    expect(await claim(minutesAfter(29))).toEqual([]);
    expect(await claim(minutesAfter(30))).toEqual(['Due']);
    expect(await claim(minutesAfter(30))).toEqual([]);
    expect(await claim(minutesAfter(59))).toEqual([]);
    expect(await claim(minutesAfter(60))).toEqual(['Due']);
    const due = await s.get(AlertsRepository).findById(ids['Due']);
    expect(due?.lastNotifiedAt).toEqual(minutesAfter(60));
  });
});
