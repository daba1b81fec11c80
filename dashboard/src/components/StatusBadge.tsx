// A status as a word with its colour (never colour alone, for readers who cannot tell them apart).
// Model statuses include `maintenance` (a planned window), cartridge ones `idle`, `failing`, `stale`.
const TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'muted'> = {
  healthy: 'good',
  completed: 'good',
  success: 'good',
  degraded: 'warn',
  stale: 'warn',
  queued: 'info',
  testing: 'info',
  running: 'info',
  maintenance: 'info',
  down: 'bad',
  failing: 'bad',
  failed: 'bad',
  failure: 'bad',
  critical: 'bad',
  warning: 'warn',
  interrupted: 'warn',
};

export function toneOf(status: string): 'good' | 'warn' | 'bad' | 'info' | 'muted' {
  return TONES[status] ?? 'muted';
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge tone-${toneOf(status)}`}>{status}</span>;
}
