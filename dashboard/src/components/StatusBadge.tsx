// A status as a word with its colour (never colour alone, for readers who cannot tell them apart).
// Model statuses include `maintenance` (a planned window), cartridge ones `idle`, `failing`, `stale`.
const TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'maint' | 'muted'> = {
  healthy: 'good',
  completed: 'good',
  success: 'good',
  degraded: 'warn',
  stale: 'warn',
  info: 'info',
  queued: 'info',
  testing: 'info',
  running: 'info',
  maintenance: 'maint',
  maintenance_started: 'maint',
  maintenance_ended: 'maint',
  down: 'bad',
  failing: 'bad',
  failed: 'bad',
  failure: 'bad',
  critical: 'bad',
  warning: 'warn',
  interrupted: 'warn',
};

export function toneOf(status: string): 'good' | 'warn' | 'bad' | 'info' | 'maint' | 'muted' {
  return TONES[status] ?? 'muted';
}

/** `label` replaces the word when the status only picks the colour (the word then says more). */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge tone-${toneOf(status)}`}>{label ?? status}</span>;
}
