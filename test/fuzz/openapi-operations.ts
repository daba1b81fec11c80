// The operations of the committed openapi.json as the fuzz suite walks them, with $ref and allOf
// resolved: an endpoint added to the contract is fuzzed without a change to the suite.
import { readFileSync } from 'node:fs';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  default?: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: JsonSchema;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FuzzOperation {
  method: HttpMethod;
  /** The path template, e.g. /api/models/{id}. */
  path: string;
  /** "GET /api/models/{id}" */
  label: string;
  parameters: ParameterSpec[];
  /** The application/json request body's schema; null when the operation takes none. */
  body: JsonSchema | null;
  /** Whether the operation asks for a key (a non-empty security requirement). */
  secured: boolean;
}

type Json = Record<string, unknown>;

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows #/components/... references and merges allOf parts into one schema. */
function resolveSchema(document: Json, node: unknown, depth = 0): JsonSchema {
  if (!isRecord(node) || depth > 20) return {};
  if (typeof node['$ref'] === 'string') {
    const target = node['$ref']
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), document);
    return resolveSchema(document, target, depth + 1);
  }
  const { allOf, properties, items, ...rest } = node;
  let schema: JsonSchema = { ...(rest as JsonSchema) };
  if (isRecord(properties)) {
    schema.properties = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, resolveSchema(document, property, depth + 1)]),
    );
  }
  if (items !== undefined) schema.items = resolveSchema(document, items, depth + 1);
  if (Array.isArray(allOf)) {
    for (const part of allOf.map((p) => resolveSchema(document, p, depth + 1))) {
      schema = {
        ...part,
        ...schema,
        properties: { ...part.properties, ...schema.properties },
        required: [...(part.required ?? []), ...(schema.required ?? [])],
      };
    }
  }
  return schema;
}

function parameterOf(document: Json, raw: unknown): ParameterSpec | null {
  if (!isRecord(raw)) return null;
  const location = raw['in'];
  if (location !== 'path' && location !== 'query' && location !== 'header') return null;
  return {
    name: String(raw['name']),
    in: location,
    required: raw['required'] === true,
    schema: resolveSchema(document, raw['schema']),
  };
}

function bodyOf(document: Json, operation: Json): JsonSchema | null {
  const requestBody = operation['requestBody'];
  if (!isRecord(requestBody) || !isRecord(requestBody['content'])) return null;
  const json = requestBody['content']['application/json'];
  return isRecord(json) ? resolveSchema(document, json['schema']) : null;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: Json): FuzzOperation[] {
  const security = Array.isArray(document['security']) ? document['security'] : [];
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(isRecord(document['paths']) ? document['paths'] : {})) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()];
      if (!isRecord(operation)) continue;
      const own = Array.isArray(operation['security']) ? operation['security'] : security;
      operations.push({
        method,
        path,
        label: `${method} ${path}`,
        parameters: (Array.isArray(operation['parameters']) ? operation['parameters'] : [])
          .map((p) => parameterOf(document, p))
          .filter((p): p is ParameterSpec => p !== null),
        body: bodyOf(document, operation),
        secured: own.some((requirement) => isRecord(requirement) && Object.keys(requirement).length > 0),
      });
    }
  }
  return operations;
}

export function readCommittedOperations(): FuzzOperation[] {
  const document: unknown = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));
  if (!isRecord(document)) throw new Error('openapi.json is not a JSON object');
  return operationsOf(document);
}
