// One fuzzed HTTP request for an operation of the contract, and how it is sent: with node:http and the
// path exactly as generated (fetch and superagent would normalise "..", and refuse broken encodings).
import fc from 'fast-check';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gzipSync } from 'node:zlib';
import { bodyFor, serializeJson, type BodySpec } from './malformed-bodies.js';
import {
  encodeText,
  headerText,
  pathSegment,
  queryPairs,
  unknownQueryPairs,
  type KnownValues,
} from './malformed-values.js';
import type { FuzzOperation, HttpMethod } from './openapi-operations.js';

export interface FuzzRequest {
  method: HttpMethod;
  /** Path and query, encoded. */
  url: string;
  headers: Record<string, string>;
  body: BodySpec;
}

export interface FuzzResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * Node answers a request line and headers over 16 kB itself (431, no body), before the app sees it:
 * requests stay under that.
 */
const MAX_HEAD_BYTES = 14_000;

/** The keys the app under test accepts. */
export interface FuzzKeys {
  admin: string;
  ingest: string;
}

/** Which key a request carries: mostly the admin key, so that requests get past the guard to validation. */
function credentialsArbitrary({ admin: adminKey, ingest }: FuzzKeys): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 14, arbitrary: fc.constant({ 'X-API-Key': adminKey }) },
    { weight: 2, arbitrary: fc.constant({ Authorization: `Bearer ${adminKey}` }) },
    { weight: 1, arbitrary: fc.constant({ 'X-API-Key': ingest }) },
    { weight: 3, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        { 'X-API-Key': `${adminKey}x` },
        { 'X-API-Key': '' },
        { 'X-API-Key': "' OR '1'='1" },
        { Authorization: 'Bearer ' },
        { Authorization: `Basic ${Buffer.from(`admin:${adminKey}`).toString('base64')}` },
      ),
    },
  );
}

function queryString(pairs: [string, string | null][]): string {
  if (pairs.length === 0) return '';
  const encoded = pairs.map(([key, value]) =>
    value === null ? encodeText(key) : `${encodeText(key)}=${encodeText(value)}`,
  );
  return `?${encoded.join('&')}`;
}

/** Requests for one operation, every part drawn from its parameters' and body's schemas. */
export function requestArbitrary(
  operation: FuzzOperation,
  known: KnownValues,
  keys: FuzzKeys,
): fc.Arbitrary<FuzzRequest> {
  const byLocation = (location: string) => operation.parameters.filter((p) => p.in === location);
  const segments = fc.tuple(...byLocation('path').map((p) => pathSegment(p.name, p.schema, known)));
  const query = fc
    .tuple(...byLocation('query').map((p) => queryPairs(p.name, p.schema, known)), unknownQueryPairs)
    .map((parts) => parts.flat());
  const headerParameters = byLocation('header');
  const headers = fc
    .tuple(...headerParameters.map((p) => headerText(p.name, p.schema, known)))
    .map((values) =>
      Object.fromEntries(
        values.flatMap((value, i) => (value === undefined ? [] : [[headerParameters[i].name, value] as const])),
      ),
    );
  return fc
    .record({
      segments,
      query,
      headers,
      credentials: credentialsArbitrary(keys),
      body: bodyFor(operation.body),
    })
    .map(({ segments: values, query: pairs, headers: own, credentials, body }): FuzzRequest => {
      const names = byLocation('path').map((p) => p.name);
      const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => values[names.indexOf(name)] ?? '');
      return {
        method: operation.method,
        url: `${path}${queryString(pairs)}`,
        headers: { ...own, ...credentials },
        body,
      };
    })
    .filter((fuzz) => fuzz.url.length + JSON.stringify(fuzz.headers).length < MAX_HEAD_BYTES);
}

function payload(body: BodySpec): { headers: Record<string, string>; bytes: Buffer | null } {
  switch (body.kind) {
    case 'none':
      return { headers: {}, bytes: null };
    case 'json':
      return { headers: { 'Content-Type': 'application/json' }, bytes: Buffer.from(serializeJson(body.value)) };
    case 'raw': {
      const headers: Record<string, string> = {};
      if (body.contentType !== null) headers['Content-Type'] = body.contentType;
      let bytes = Buffer.from(body.text);
      if (body.contentEncoding) {
        headers['Content-Encoding'] = body.contentEncoding;
        // A valid gzip stream half the time; otherwise the bytes do not match the encoding.
        if (body.contentEncoding === 'gzip' && body.text.length % 2 === 0) bytes = gzipSync(bytes);
      }
      return { headers, bytes };
    }
    default: {
      const unreachable: never = body;
      return unreachable;
    }
  }
}

/** Sends the request to the app at baseUrl; the body is read whole, whatever the status. */
export function send(baseUrl: string, fuzz: FuzzRequest, timeoutMs = 15_000): Promise<FuzzResponse> {
  const { headers, bytes } = payload(fuzz.body);
  const target = new URL(baseUrl);
  return new Promise<FuzzResponse>((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: fuzz.method,
        path: fuzz.url,
        headers: { ...headers, ...fuzz.headers, ...(bytes ? { 'Content-Length': String(bytes.length) } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(bytes ?? undefined);
  });
}

/** The request in a line or two, for a failure message. */
export function describeRequest(fuzz: FuzzRequest): string {
  const { headers, bytes } = payload(fuzz.body);
  const preview = (text: string): string =>
    text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  const body = bytes ? ` body ${preview(JSON.stringify(bytes.toString('utf8')))}` : '';
  return `${fuzz.method} ${preview(fuzz.url)} headers ${JSON.stringify({ ...headers, ...fuzz.headers })}${body}`;
}
