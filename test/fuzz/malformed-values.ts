// Values that have broken parsers, validators and queries before, and arbitraries that draw a path,
// query or header value from a parameter's schema: mostly malformed, sometimes valid, so that a
// request also gets past one check and meets the next. None of them looks like a leak on its own
// (see response-problems.ts), so that an echo of the input is never taken for one.
import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.js';

/** Values a parameter name is known to have in the running app (ids, names), filled in by the suite. */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

export const NUMBER_LIKE = [
  '0',
  '-0',
  '-1',
  '1.5',
  '-2.5',
  '1e3',
  '1e308',
  '-1e308',
  '1e-7',
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740993',
  '99999999999999999999999999',
  '0x1f',
  '0b101',
  '0o17',
  '1_000',
  '+1',
  ' 1',
  '1 ',
  '01',
  '00000000000000000001',
  'NaN',
  'Infinity',
  '-Infinity',
  '١٢',
  '１２',
  '1,2',
  '1;2',
];

export const NASTY_STRINGS = [
  '',
  ' ',
  '\t',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '[object Object]',
  '../',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  './.',
  '/',
  '//',
  "' OR '1'='1",
  '" OR ""="',
  '1; DROP TABLE models; --',
  "'; --",
  '1) OR (1=1',
  "admin'--",
  "\\'",
  '%',
  '%%',
  '_',
  '\\',
  '$1',
  '?',
  '#',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '💥',
  '𝕏𝕏𝕏',
  'é',
  'e\u0301',
  'ǅ',
  'İ',
  'ß',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǵ̗͍o̠',
];

/** Path segments sent as they are (already percent-encoded or deliberately broken encodings). */
export const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '..',
  '.',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%2F',
  ';',
  '%3B',
  '%20',
  '+',
  '*',
  '~',
  '%0d%0aX-Injected:%201',
  '%25',
  '%u0041',
];

/**
 * A string of one repeated character, from a few hundred characters up to `max` bytes once
 * percent-encoded (so that a URL stays under Node's 16 kB header limit, which Node itself answers).
 */
export const longString = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom('x', '9', '%', 'é', '💥', "'"), fc.integer({ min: 256, max }))
    .map(([unit, length]) => unit.repeat(Math.max(1, Math.floor(length / encodeURIComponent(unit).length))));

/** Any text: printable, unicode, lone surrogates, control characters. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const nastyText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_LIKE) },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: longString(2500) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);

/** A value the parameter accepts (or may accept: a known id, an example, a value in range). */
export function validText(name: string, schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  const fromApp = known[name] ?? [];
  const options: fc.Arbitrary<string>[] = fromApp.length > 0 ? [fc.constantFrom(...fromApp)] : [];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum.map(String)));
  else if (schema.type === 'number' || schema.type === 'integer') {
    options.push(fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 8, 1_000_000) }).map(String));
  } else if (schema.type === 'boolean') options.push(fc.constantFrom('true', 'false'));
  else if (schema.format === 'uuid') options.push(fc.uuid().map(String));
  else if (schema.type === 'string') {
    if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
    options.push(fc.string({ minLength: 1, maxLength: 30 }));
  }
  if (options.length === 0) options.push(fc.string({ maxLength: 10 }));
  return fc.oneof(...options);
}

/** A value of the wrong kind, out of range, or strange in another way, for the parameter's schema. */
export function malformedText(schema: JsonSchema): fc.Arbitrary<string> {
  const special: fc.Arbitrary<string>[] = [nastyText];
  if (schema.type === 'number' || schema.type === 'integer') {
    const below = (schema.minimum ?? 1) - 1;
    const above = (schema.maximum ?? 2_147_483_647) + 1;
    special.push(fc.constantFrom(String(below), String(above), `${below}.5`, String(above * 10)));
    special.push(fc.integer({ min: -1_000_000_000, max: 0 }).map(String));
  }
  if (schema.enum) {
    const values = schema.enum.map(String);
    special.push(
      fc.constantFrom(...values.map((v) => v.toUpperCase()), ...values.map((v) => ` ${v}`), values.join(',')),
    );
  }
  if (schema.format === 'uuid') {
    special.push(fc.uuid().map((u) => u.slice(0, -1)));
    special.push(fc.uuid().map((u) => `${u}0`));
    special.push(fc.uuid().map((u) => u.replace(/-/g, '')));
  }
  return fc.oneof(...special);
}

/** Percent-encodes text for a URL; lone surrogates, which encodeURIComponent refuses, become U+FFFD. */
export function encodeText(text: string): string {
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}

/** A path segment, encoded and ready for the URL. */
export function pathSegment(name: string, schema: JsonSchema, known: KnownValues): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validText(name, schema, known).map(encodeText) },
    { weight: 6, arbitrary: malformedText(schema).map(encodeText) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

/** One query parameter as key/value pairs: absent, valid, malformed, repeated, bracketed, or bare. */
export function queryPairs(
  name: string,
  schema: JsonSchema,
  known: KnownValues,
): fc.Arbitrary<[string, string | null][]> {
  const valid = validText(name, schema, known);
  const malformed = malformedText(schema);
  const either = fc.oneof(valid, malformed);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<[string, string | null][]>([]) },
    { weight: 3, arbitrary: valid.map((v): [string, string][] => [[name, v]]) },
    { weight: 5, arbitrary: malformed.map((v): [string, string][] => [[name, v]]) },
    {
      weight: 1,
      arbitrary: fc
        .array(either, { minLength: 2, maxLength: 4 })
        .map((values) => values.map((v): [string, string] => [name, v])),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(`${name}[]`, `${name}[0]`, `${name}[a]`, `${name}[__proto__]`, `${name}.x`), either)
        .map(([key, v]): [string, string][] => [[key, v]]),
    },
    { weight: 1, arbitrary: fc.constant<[string, string | null][]>([[name, null]]) },
  );
}

/** Query parameters no operation declares (now and then: each one refuses the whole request). */
export const unknownQueryPairs: fc.Arbitrary<[string, string | null][]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<[string, string | null][]>([]) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'offset', 'sort', 'where', 'q', '', 'a[b][c]'),
          fc.stringMatching(/^[a-z_]{1,12}$/),
        ),
        fc.option(nastyText, { nil: null }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
);

/** A header value Node will send (visible ASCII and spaces only). */
export function headerText(name: string, schema: JsonSchema, known: KnownValues): fc.Arbitrary<string | undefined> {
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: validText(name, schema, known).filter((v) => /^[\x20-\x7e]*$/.test(v)) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/) },
    { weight: 2, arbitrary: fc.oneof(printable, fc.constantFrom('', ' ', "' OR '1'='1", '../', '\u00e9')) },
    { weight: 1, arbitrary: fc.integer({ min: 201, max: 4000 }).map((n) => 'k'.repeat(n)) },
  );
}
