// What no request may carry, whatever its DTO says, found by fuzzing the API:
// - JSON nested deeper than MAX_INPUT_DEPTH. JSON.parse takes any depth, but class-transformer and
//   class-validator recurse once per level and overflowed the stack a few thousand levels down (a 20 kB
//   body answered a 500). No request needs more than a few levels; a worker's cartridge output gets 64.
// - A NUL character (U+0000) in any text. PostgreSQL text cannot hold one (the query fails, a 500),
//   while SQLite stores it: refusing it everywhere keeps the engines alike.

export const MAX_INPUT_DEPTH = 64;

/**
 * How deeply arrays and objects nest in a parsed value (a scalar: 0). Walks without recursion, so any
 * depth is measured; stops once past `limit`.
 */
export function nestingDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function child(path: string, key: string, inArray: boolean): string {
  if (inArray) return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Where the first text with a NUL character is: "" for the value itself, "models[1]" or
 * "schedule.cron" inside it (a property name with one names its object); null when there is none.
 * Recursive: call it on values no deeper than MAX_INPUT_DEPTH.
 */
export function nulCharacterAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  const inArray = Array.isArray(value);
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = nulCharacterAt(item, child(path, key, inArray));
    if (found !== null) return found;
  }
  return null;
}

/**
 * The problem with a request's body, query or path parameters, as a message naming the field (what
 * `part` is called when the whole of it is at fault); null when there is none.
 */
export function inputLimitProblem(value: unknown, part: string): string | null {
  if (nestingDepth(value, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
    return `${part} is nested deeper than ${MAX_INPUT_DEPTH} levels`;
  }
  const at = nulCharacterAt(value);
  if (at === null) return null;
  return `${at === '' ? part : at} must not contain a NUL character (U+0000)`;
}
