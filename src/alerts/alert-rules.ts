// The alert rules: a state change in, the alerts to open, record or resolve out. Pure.
//
// Two kinds of alert:
// - conditions (model_down, model_degraded, dcrs_failed, cartridge_failed, cartridge_stale) stay
//   open while the condition holds and resolve by themselves when it clears; one open per type and
//   subject (`open_key`);
// - notices (model_recovered, score_drop, routing_changed, cartridge_recovered) record that something
//   happened: they are opened already resolved (`resolved_at` = `created_at`) and never "open". Each
//   names the fact it records (a transition's instant, a DCRS run, an execution): the same fact seen
//   twice, by two instances or two deliveries of one event, is recorded and told once (`dedupe_key`).
import type {
  CartridgeResultEvent,
  DcrsProgressEvent,
  ModelQuotaReadEvent,
  ModelStateChangedEvent,
  RoutingChangedEvent,
} from '../events/domain-events.js';
import { quotaFractionLeft, quotaResetsAt } from '../common/quota.js';
import type { AlertSeverity, AlertType } from '../common/alert-kinds.js';

export type AlertAction =
  /** Open a condition unless one of the same type and subject is open. */
  | { action: 'open'; type: AlertType; severity: AlertSeverity; subject: string; message: string }
  /** Record a notice: opened and resolved at once, once per `fact` (what happened, e.g. `dcrs-run-12`). */
  | { action: 'notice'; type: AlertType; severity: AlertSeverity; subject: string; message: string; fact: string }
  /** Resolve the open condition of this type and subject. */
  | { action: 'resolve'; type: AlertType; subject: string };

/** The keys (`<type>:<subject>`) of the alerts open now. */
export type OpenAlertKeys = ReadonlySet<string>;

export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 1000;
export const FACT_MAX = 80;

export function openKey(type: AlertType, subject: string): string {
  return `${type}:${clip(subject, SUBJECT_MAX)}`;
}

/** The key a notice is stored under, unique: `<type>:<subject>:<fact>`. */
export function noticeKey(type: AlertType, subject: string, fact: string): string {
  return `${openKey(type, subject)}:${fact}`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The subject of DCRS alerts: there is one daily run, whichever run failed. */
export const DCRS_SUBJECT = 'dcrs';
/** The subject of routing notices. */
export const ROUTING_SUBJECT = 'routing';

export interface ModelRuleOptions {
  /** Score points between two evaluations that make a score_drop. */
  scoreDrop: number;
}

const isOpen = (open: OpenAlertKeys, type: AlertType, subject: string): boolean => open.has(openKey(type, subject));

function opened(type: AlertType, severity: AlertSeverity, subject: string, message: string): AlertAction {
  return { action: 'open', type, severity, subject: clip(subject, SUBJECT_MAX), message: clip(message, MESSAGE_MAX) };
}

function notice(type: AlertType, severity: AlertSeverity, subject: string, message: string, fact: string): AlertAction {
  return {
    action: 'notice',
    type,
    severity,
    subject: clip(subject, SUBJECT_MAX),
    message: clip(message, MESSAGE_MAX),
    fact: clip(fact, FACT_MAX),
  };
}

function resolved(type: AlertType, subject: string): AlertAction {
  return { action: 'resolve', type, subject: clip(subject, SUBJECT_MAX) };
}

const score = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * model_down (critical) is open while the status is down; model_degraded (warning) opens when it is
 * degraded and resolves when it is healthy again (a degraded model that goes down keeps both open);
 * leaving down records model_recovered (info); an evaluation score falling by scoreDrop or more
 * records score_drop (warning). `unknown` (never answered) and `maintenance` raise nothing.
 */
export function decideModelAlerts(
  change: ModelStateChangedEvent,
  open: OpenAlertKeys,
  options: ModelRuleOptions,
): AlertAction[] {
  const { name, status } = change;
  // Inside a planned maintenance window nothing opens, resolves or is recorded: what is open stays open
  // until the first state change after the window.
  if (status === 'maintenance') return [];
  const actions: AlertAction[] = [];
  const downOpen = isOpen(open, 'model_down', name);
  if (status === 'down') {
    if (!downOpen)
      actions.push(
        opened(
          'model_down',
          'critical',
          name,
          `${name} is down: its probes keep failing (last error: ${change.errorKind ?? 'unknown'})`,
        ),
      );
  } else if (status === 'healthy' || status === 'degraded') {
    if (downOpen) actions.push(resolved('model_down', name));
    if (downOpen || change.previousStatus === 'down') {
      actions.push(
        notice(
          'model_recovered',
          'info',
          name,
          `${name} is answering again (status ${status}, uptime ${score(change.uptimePercent)}%)`,
          // The state change that left down: one per transition, the row being locked while it is decided.
          `at-${change.at.toISOString()}`,
        ),
      );
    }
  }
  const degradedOpen = isOpen(open, 'model_degraded', name);
  if (status === 'degraded' && !degradedOpen) {
    actions.push(
      opened(
        'model_degraded',
        'warning',
        name,
        `${name} is degraded: slower than usual or scoring below its 7-day mean (response time ${change.responseTime} ms, score ${score(change.lastScore)})`,
      ),
    );
  } else if (status === 'healthy' && degradedOpen) {
    actions.push(resolved('model_degraded', name));
  }
  const drop = change.previousScore - change.lastScore;
  if (drop >= options.scoreDrop - 1e-9) {
    actions.push(
      notice(
        'score_drop',
        'warning',
        name,
        `${name}'s evaluation score dropped by ${score(drop)}: from ${score(change.previousScore)} to ${score(change.lastScore)}`,
        `at-${change.at.toISOString()}:${score(change.previousScore)}>${score(change.lastScore)}`,
      ),
    );
  }
  return actions;
}

/** dcrs_failed (warning) opens when a run fails and stays open until a run completes. */
export function decideDcrsAlerts(progress: DcrsProgressEvent, open: OpenAlertKeys): AlertAction[] {
  if (progress.phase === 'failed' && !isOpen(open, 'dcrs_failed', DCRS_SUBJECT)) {
    return [
      opened(
        'dcrs_failed',
        'warning',
        DCRS_SUBJECT,
        `DCRS run ${progress.runId} (${progress.date}) failed: ${progress.error ?? 'unknown error'}`,
      ),
    ];
  }
  if (progress.phase === 'completed' && isOpen(open, 'dcrs_failed', DCRS_SUBJECT))
    return [resolved('dcrs_failed', DCRS_SUBJECT)];
  return [];
}

/** Every applied routing change records routing_changed (info). */
export function decideRoutingAlerts(decision: RoutingChangedEvent): AlertAction[] {
  const fallbacks = decision.fallbacks.length > 0 ? decision.fallbacks.join(', ') : 'none';
  const run = decision.dcrsRunId === null ? '' : ` after DCRS run ${decision.dcrsRunId}`;
  return [
    notice(
      'routing_changed',
      'info',
      ROUTING_SUBJECT,
      `Routing primary is now ${decision.primary ?? 'none'}${run} (fallbacks: ${fallbacks}): ${decision.reason}`,
      `${decision.dcrsRunId === null ? `at-${decision.updatedAt.toISOString()}` : `dcrs-run-${decision.dcrsRunId}`}:${decision.primary ?? 'none'}`,
    ),
  ];
}

/**
 * A failed execution opens cartridge_failed (warning); the next successful one resolves it and
 * records cartridge_recovered (info). Any execution at all resolves cartridge_stale.
 */
export function decideCartridgeResultAlerts(result: CartridgeResultEvent, open: OpenAlertKeys): AlertAction[] {
  const name = result.cartridge;
  const { execution } = result;
  const actions: AlertAction[] = [];
  if (isOpen(open, 'cartridge_stale', name)) actions.push(resolved('cartridge_stale', name));
  const failedOpen = isOpen(open, 'cartridge_failed', name);
  const rate = result.successRate === null ? '' : ` (30-day success rate ${result.successRate}%)`;
  if (execution.status === 'failure' && !failedOpen) {
    const summary = execution.summary ? `: ${execution.summary}` : '';
    actions.push(
      opened('cartridge_failed', 'warning', name, `${name} execution ${execution.id} failed${summary}${rate}`),
    );
  } else if (execution.status === 'success' && failedOpen) {
    actions.push(resolved('cartridge_failed', name));
    actions.push(
      notice(
        'cartridge_recovered',
        'info',
        name,
        `${name} succeeded again (execution ${execution.id})${rate}`,
        `execution-${execution.id}`,
      ),
    );
  }
  return actions;
}

export interface CartridgeStatusView {
  name: string;
  status: string;
  last_execution: string | null;
}

/**
 * From the periodic look at every cartridge: cartridge_stale (warning) is open while a cartridge's
 * status is `stale`, and resolves when it is not, or when the cartridge is gone.
 */
export function decideCartridgeStaleness(
  cartridges: readonly CartridgeStatusView[],
  open: OpenAlertKeys,
): AlertAction[] {
  const actions: AlertAction[] = [];
  const listed = new Set<string>();
  for (const cartridge of cartridges) {
    listed.add(openKey('cartridge_stale', cartridge.name));
    const staleOpen = isOpen(open, 'cartridge_stale', cartridge.name);
    if (cartridge.status === 'stale' && !staleOpen) {
      const last = cartridge.last_execution ?? 'never';
      actions.push(
        opened(
          'cartridge_stale',
          'warning',
          cartridge.name,
          `${cartridge.name} is stale: it has not run within twice its schedule period (last execution: ${last})`,
        ),
      );
    } else if (cartridge.status !== 'stale' && staleOpen) {
      actions.push(resolved('cartridge_stale', cartridge.name));
    }
  }
  const prefix = 'cartridge_stale:';
  for (const key of open) {
    if (key.startsWith(prefix) && !listed.has(key)) actions.push(resolved('cartridge_stale', key.slice(prefix.length)));
  }
  return actions;
}

const MODEL_CONDITIONS: readonly AlertType[] = ['model_down', 'model_degraded'];

/**
 * From the periodic look at the models: a model condition whose model is no longer monitored (removed,
 * disabled or renamed) resolves, since no probe will ever clear it.
 */
export function decideMonitoredModels(monitoredNames: readonly string[], open: OpenAlertKeys): AlertAction[] {
  const monitored = new Set(monitoredNames.map((name) => clip(name, SUBJECT_MAX)));
  const actions: AlertAction[] = [];
  for (const key of open) {
    const type = MODEL_CONDITIONS.find((t) => key.startsWith(`${t}:`));
    if (type === undefined) continue;
    const subject = key.slice(type.length + 1);
    if (!monitored.has(subject)) actions.push(resolved(type, subject));
  }
  return actions;
}

/**
 * quota_low (warning) is open while the scarcer of the model's requests and tokens has less than
 * `lowFraction` of its limit left; a reading with more left (the window reset) resolves it. A reading
 * without limits says nothing either way.
 */
export function decideQuotaAlerts(read: ModelQuotaReadEvent, open: OpenAlertKeys, lowFraction: number): AlertAction[] {
  const left = quotaFractionLeft(read.quota);
  if (left === null) return [];
  const isLowOpen = isOpen(open, 'quota_low', read.model);
  if (left < lowFraction && !isLowOpen) {
    const resets = quotaResetsAt(read.quota);
    const figures = [
      read.quota.requestsLimit === null ? null : `${read.quota.requestsRemaining}/${read.quota.requestsLimit} requests`,
      read.quota.tokensLimit === null ? null : `${read.quota.tokensRemaining}/${read.quota.tokensLimit} tokens`,
    ].filter((f) => f !== null);
    return [
      opened(
        'quota_low',
        'warning',
        read.model,
        `${read.model} is running out of its rate limit: ${figures.join(', ')} left${resets ? `, resets at ${resets.toISOString()}` : ''}`,
      ),
    ];
  }
  return left >= lowFraction && isLowOpen ? [resolved('quota_low', read.model)] : [];
}
