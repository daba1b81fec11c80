// One ordered list of what happened to a model: status changes with their cause, DCRS scores, routing
// changes, alerts opened and resolved, maintenance windows. Pure: the reads give facts, this orders them.

export const TIMELINE_TYPES = [
  'status_change',
  'dcrs_score',
  'routing_change',
  'alert_resolved',
  'alert_opened',
  'maintenance_started',
  'maintenance_ended',
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineItem {
  at: Date;
  type: TimelineType;
  summary: string;
  details: Record<string, unknown>;
}

export interface StatusChangeFact {
  at: Date;
  previousStatus: string;
  status: string;
  cause: string;
}
export interface DcrsScoreFact {
  at: Date;
  runId: number;
  score: number;
  passed: number;
  failed: number;
}
export interface RoutingFact {
  at: Date;
  previousPrimary: string | null;
  primary: string;
  applied: boolean;
  reason: string;
}
export interface AlertFact {
  id: number;
  type: string;
  severity: string;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
}
export interface MaintenanceFact {
  windowId: number;
  start: Date;
  end: Date;
  reason: string;
}

export interface TimelineFacts {
  model: string;
  statusChanges: readonly StatusChangeFact[];
  dcrsScores: readonly DcrsScoreFact[];
  routing: readonly RoutingFact[];
  alerts: readonly AlertFact[];
  maintenance: readonly MaintenanceFact[];
}

/**
 * Items in [from, to), oldest first; at one instant, in TIMELINE_TYPES order (a status change, then
 * the alerts it resolved, then those it opened).
 */
export function buildTimeline(facts: TimelineFacts, from: Date, to: Date): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const c of facts.statusChanges) {
    items.push({
      at: c.at,
      type: 'status_change',
      summary: `${c.previousStatus} → ${c.status}: ${c.cause}`,
      details: { previous_status: c.previousStatus, status: c.status, cause: c.cause },
    });
  }
  for (const s of facts.dcrsScores) {
    items.push({
      at: s.at,
      type: 'dcrs_score',
      summary: `DCRS run ${s.runId}: score ${s.score} (${s.passed} passed, ${s.failed} failed)`,
      details: { run_id: s.runId, score: s.score, passed: s.passed, failed: s.failed },
    });
  }
  for (const r of facts.routing) {
    const became = r.primary === facts.model;
    const verb = r.applied ? '' : ' (recommended, not applied)';
    items.push({
      at: r.at,
      type: 'routing_change',
      summary: became
        ? `Became the primary model${verb}: ${r.reason}`
        : `No longer the primary model, ${r.primary} is${verb}: ${r.reason}`,
      details: { previous_primary: r.previousPrimary, primary: r.primary, applied: r.applied, reason: r.reason },
    });
  }
  for (const a of facts.alerts) {
    const details = { alert_id: a.id, alert_type: a.type, severity: a.severity };
    items.push({ at: a.createdAt, type: 'alert_opened', summary: `${a.type}: ${a.message}`, details });
    // A notice is opened resolved: its resolution is no event of its own.
    if (a.resolvedAt && a.resolvedAt.getTime() !== a.createdAt.getTime()) {
      items.push({ at: a.resolvedAt, type: 'alert_resolved', summary: `${a.type} resolved`, details });
    }
  }
  for (const m of facts.maintenance) {
    const details = {
      window_id: m.windowId,
      reason: m.reason,
      starts_at: m.start.toISOString(),
      ends_at: m.end.toISOString(),
    };
    items.push({ at: m.start, type: 'maintenance_started', summary: `Maintenance started: ${m.reason}`, details });
    items.push({ at: m.end, type: 'maintenance_ended', summary: `Maintenance ended: ${m.reason}`, details });
  }
  const order = (type: TimelineType): number => TIMELINE_TYPES.indexOf(type);
  return items
    .filter((item) => item.at.getTime() >= from.getTime() && item.at.getTime() < to.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || order(a.type) - order(b.type));
}
