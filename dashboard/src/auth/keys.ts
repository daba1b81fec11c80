// The API keys this browser tab holds: asked once, kept in sessionStorage (gone when the tab closes,
// never in localStorage or a cookie). The admin key also serves reads, as the server allows.
export type KeyKind = 'admin' | 'read';

const STORAGE_KEYS: Record<KeyKind, string> = {
  admin: 'shawn-dashboard.admin-key',
  read: 'shawn-dashboard.read-key',
};

export function storedKey(kind: KeyKind): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEYS[kind]);
  } catch {
    return null;
  }
}

export function storeKey(kind: KeyKind, value: string | null): void {
  if (value === null || value.trim() === '') sessionStorage.removeItem(STORAGE_KEYS[kind]);
  else sessionStorage.setItem(STORAGE_KEYS[kind], value.trim());
}

/** The key to send for a read or a write: a read takes the read key, else the admin key. */
export function keyFor(kind: KeyKind): string | null {
  if (kind === 'admin') return storedKey('admin');
  return storedKey('read') ?? storedKey('admin');
}
