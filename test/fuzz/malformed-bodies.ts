// Request bodies drawn from an operation's requestBody schema: a valid body with a few things broken
// (a property of the wrong type, a required one missing, an extra one, null, a huge string, deep
// nesting), JSON that is not an object, text that is not JSON, and other content types and encodings.
import fc from 'fast-check';
import { anyText, encodeText, longString, NASTY_STRINGS, NUMBER_LIKE } from './malformed-values.js';
import type { JsonSchema } from './openapi-operations.js';

/** What goes on the wire: JSON (sent as application/json), raw text with a content type, or nothing. */
export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string | null; contentEncoding?: string; text: string };

/** The JSON body limit of app.setup.ts (256 kB). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Hosts of URLs in the contract's examples are replaced by one that never resolves (RFC 6761). */
const UNRESOLVABLE_HOST = 'fuzz.invalid';

function withUnresolvableHost(text: string): string {
  return text.replace(/^(https?:\/\/)[^/]+/, `$1${UNRESOLVABLE_HOST}`);
}

/**
 * Stands for arrays or objects nested `depth` levels deep. JSON.parse takes any depth, but
 * JSON.stringify (and fast-check's printer) overflow the stack long before, so the nesting is
 * written as text by serializeJson().
 */
function deeplyNested(depth: number, shape: 'array' | 'object'): string {
  return `\u0001nested:${shape}:${depth}\u0001`;
}

/** JSON text of a generated value, with the deep nesting deeplyNested() stands for. */
export function serializeJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    /"\\u0001nested:(array|object):(\d+)\\u0001"/g,
    (_token, shape: string, depth: string) => {
      const [open, close] = shape === 'array' ? ['[', ']'] : ['{"a":', '}'];
      return `${open.repeat(Number(depth))}"bottom"${close.repeat(Number(depth))}`;
    },
  );
}

/** JSON.parse keeps "__proto__" as an own key; an object literal would set the prototype instead. */
const PROTO_KEYED = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {}}}');

/** A value of any JSON kind, mostly the wrong one for whatever property it replaces. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2),
  },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...NUMBER_LIKE) },
  { weight: 2, arbitrary: anyText },
  { weight: 2, arbitrary: fc.constantFrom<unknown>([], {}, [null], [[]], { $ne: null }, { $gt: '' }, ['a', 1, null]) },
  { weight: 1, arbitrary: fc.constant(null).map(PROTO_KEYED) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: longString(70_000) },
  { weight: 1, arbitrary: fc.integer({ min: 100_000, max: BODY_LIMIT_BYTES }).map((n) => 'x'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([depth, shape]) => deeplyNested(depth, shape)),
  },
);

/** A value the schema accepts, as far as the schema says (uniqueness and lookups are the server's). */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const value = nonNullValue(schema, depth);
  return schema.nullable
    ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
    : value;
}

function nonNullValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 100_000, 1_000_000) });
    case 'array':
      if (schema.example !== undefined) return fc.constant(schema.example);
      return fc.array(schema.items ? validValue(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 2 }), {
        maxLength: 3,
      });
    case 'object':
      if (!schema.properties)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      return validObject(schema, depth + 1);
    default:
      break;
  }
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  const minLength = schema.minLength ?? 1;
  const texts: fc.Arbitrary<string>[] = [
    fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) }),
  ];
  if (typeof schema.example === 'string') texts.unshift(fc.constant(withUnresolvableHost(schema.example)));
  return fc.oneof(...texts);
}

/** Every required property and some of the optional ones, each valid. */
export function validObject(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  if (depth > 4) return fc.constant({});
  return fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property, depth)])),
    { requiredKeys: required.filter((name) => name in properties) },
  );
}

type Mutation =
  | { kind: 'set'; path: string[]; value: unknown }
  | { kind: 'delete'; path: string[] }
  | { kind: 'extra'; path: string[]; key: string; value: unknown };

/** Paths to every property, nested objects included ([] is the body itself). */
function propertyPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 4 || !schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, property]) => [
    [...prefix, name],
    ...propertyPaths(property, [...prefix, name], depth + 1),
  ]);
}

const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'id',
    'created_at',
    'deleted_at',
    'is_admin',
    'toString',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

function mutationOf(schema: JsonSchema): fc.Arbitrary<Mutation> {
  const paths = propertyPaths(schema);
  const options: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(fc.constantFrom<string[]>([], ...paths), extraKey, junkValue)
      .map(([path, key, value]): Mutation => ({ kind: 'extra', path, key, value })),
  ];
  if (paths.length > 0) {
    const path = fc.constantFrom(...paths);
    options.push(
      fc.tuple(path, junkValue).map(([p, value]): Mutation => ({ kind: 'set', path: p, value })),
      fc
        .tuple(path, fc.constantFrom<unknown>(null, '', [], {}))
        .map(([p, value]): Mutation => ({ kind: 'set', path: p, value })),
      path.map((p): Mutation => ({ kind: 'delete', path: p })),
    );
  }
  return fc.oneof(...options);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Applies a mutation to a copy-on-write object, creating parents that a path needs. */
function applyMutation(body: Record<string, unknown>, mutation: Mutation): Record<string, unknown> {
  const [head, ...rest] = mutation.path;
  if (head === undefined) {
    if (mutation.kind === 'extra') {
      const copy = { ...body };
      Object.defineProperty(copy, mutation.key, {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return copy;
    }
    return body;
  }
  const copy = { ...body };
  if (rest.length === 0 && mutation.kind === 'set') copy[head] = mutation.value;
  else if (rest.length === 0 && mutation.kind === 'delete') delete copy[head];
  else {
    const child = isObject(copy[head]) ? copy[head] : {};
    copy[head] = applyMutation(child, { ...mutation, path: rest });
  }
  return copy;
}

/** A body broken in up to three ways, or not at all (so that the server's own checks run too). */
export function mutatedObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      validObject(schema),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 3, arbitrary: fc.array(mutationOf(schema), { minLength: 1, maxLength: 3 }) },
      ),
    )
    .map(([body, mutations]) => mutations.reduce(applyMutation, body));
}

const NOT_JSON = [
  '{',
  '}',
  '{"a":',
  "{'a': 1}",
  '[1, 2',
  'undefined',
  'NaN',
  '{"a": 1,}',
  '{"a": 1}x',
  '\u0000',
  '\ufeff{}',
  '--',
  'null',
  '"text"',
  '1',
  '{"a": "\\u00"}',
  '{"a": 01}',
  '{"a": .5}',
  '<xml/>',
  '{"a": 1} {"b": 2}',
];

const OTHER_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'application/*',
  '*/*',
  'json',
  'application/json, text/plain',
  '',
];

/** A form-encoded rendering of a JSON value (nested keys in brackets, as qs reads them). */
function formEncoded(value: unknown, name: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => formEncoded(item, `${name}[]`));
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => formEncoded(item, name ? `${name}[${key}]` : key));
  }
  return [`${encodeText(name)}=${encodeText(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`];
}

/** A JSON text at (or just over) the body limit. */
const hugeJson = fc
  .tuple(fc.integer({ min: BODY_LIMIT_BYTES - 2_000, max: BODY_LIMIT_BYTES + 4_000 }), fc.constantFrom('x', 'é'))
  .map(([bytes, unit]) => JSON.stringify({ name: unit.repeat(Math.floor((bytes - 16) / Buffer.byteLength(unit))) }));

/** Any body for an operation: mostly derived from its schema, and for operations without one, junk. */
export function bodyFor(schema: JsonSchema | null): fc.Arbitrary<BodySpec> {
  const object = schema ? mutatedObject(schema) : fc.dictionary(extraKey, junkValue, { maxKeys: 2 });
  const raw = (contentType: fc.Arbitrary<string | null>, text: fc.Arbitrary<string>): fc.Arbitrary<BodySpec> =>
    fc.tuple(contentType, text).map(([type, body]): BodySpec => ({ kind: 'raw', contentType: type, text: body }));
  return fc.oneof(
    { weight: schema ? 12 : 3, arbitrary: object.map((value): BodySpec => ({ kind: 'json', value })) },
    { weight: schema ? 1 : 6, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
    { weight: 2, arbitrary: junkValue.map((value): BodySpec => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: raw(fc.constant('application/json'), fc.oneof(fc.constantFrom(...NOT_JSON), anyText)) },
    { weight: 1, arbitrary: raw(fc.constant('application/json'), hugeJson) },
    {
      weight: 2,
      arbitrary: raw(
        fc.constantFrom(...OTHER_CONTENT_TYPES),
        fc.oneof(
          object.map(serializeJson),
          object.map((value) => formEncoded(value, '').join('&')),
          fc.constantFrom(...NOT_JSON),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-fuzz'), object)
        .map(([encoding, value]): BodySpec => ({
          kind: 'raw',
          contentType: 'application/json',
          contentEncoding: encoding,
          text: serializeJson(value),
        })),
    },
  );
}
