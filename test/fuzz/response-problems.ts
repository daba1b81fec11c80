// What no answer may contain, whatever was asked: a 5xx, an error body in another shape than
// {statusCode, error, message}, a stack trace, SQL or a database error, a path on the server.
import type { FuzzResponse } from './fuzz-request.js';

/** Patterns of things that must never reach a client, each with what it is. */
export const LEAK_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['a stack frame', /\bat\s+(?:async\s+)?(?:\S+\s+)?\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)\S*:\d+/],
  ['a stack trace', /\w*Error(?:\s*\[\w+\])?:[^\n]*\n\s*at\s/],
  ['SQL', /\b(?:SELECT|DELETE)\b[\s\S]{1,300}?\bFROM\b/],
  ['SQL', /\bINSERT\s+INTO\b/],
  ['SQL', /\bUPDATE\s+["'`\w.]+\s+SET\b/],
  [
    'a database error',
    /SQLITE_|QueryFailedError|TypeORMError|EntityNotFound|relation "|syntax error at or near|violates (?:unique|foreign key|not-null|check) constraint|duplicate key value|UNIQUE constraint failed|NOT NULL constraint failed|no such (?:table|column)|invalid input syntax for|value too long for type|out of range for type|invalid byte sequence|unterminated quoted/,
  ],
  ['a server path', /\/work\/|\/app\/|\/home\/|\/tmp\/|node_modules|\.[cm]?[jt]s:\d+/],
];

/** Every string in a JSON value (keys too), so that escaped newlines and slashes are read as sent. */
function stringsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      stringsIn(item, found);
    }
  }
  return found;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Leaks in any text: one line per pattern found, with the text around it. */
export function leaksIn(texts: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [what, pattern] of LEAK_PATTERNS) {
    for (const text of texts) {
      const match = pattern.exec(text);
      if (!match) continue;
      const around = text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60);
      problems.push(`${what}: ${JSON.stringify(around)}`);
      break;
    }
  }
  return problems;
}

function errorShapeProblems(response: FuzzResponse, body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [`a ${response.status} whose body is not the error shape: ${JSON.stringify(response.text.slice(0, 200))}`];
  }
  const { statusCode, error, message, ...extra } = body as Record<string, unknown>;
  const problems: string[] = [];
  if (statusCode !== response.status) problems.push(`statusCode ${JSON.stringify(statusCode)} in a ${response.status}`);
  if (typeof error !== 'string' || error === '') problems.push(`error is ${JSON.stringify(error)}`);
  if (typeof message !== 'string' || message === '') problems.push(`message is ${JSON.stringify(message)}`);
  for (const [key, value] of Object.entries(extra)) {
    if (typeof value === 'object' && value !== null) problems.push(`extra field ${key} holds ${JSON.stringify(value)}`);
  }
  if (!String(response.headers['content-type']).startsWith('application/json')) {
    problems.push(`content-type ${String(response.headers['content-type'])}`);
  }
  return problems;
}

/** Everything wrong with one answer; empty when it is fine. */
export function responseProblems(response: FuzzResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`status ${response.status}`);
  const body = parseJson(response.text);
  if (response.status >= 400) problems.push(...errorShapeProblems(response, body));
  const headerLines = Object.entries(response.headers).map(([name, value]) => `${name}: ${String(value)}`);
  problems.push(...leaksIn([response.text, ...stringsIn(body), ...headerLines]));
  return problems;
}
