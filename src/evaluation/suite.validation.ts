// Turns a parsed suite file (JSON or YAML, already decoded) into an EvalSuite, or refuses it with every
// problem at once, each naming the case and the field, so a suite author fixes the file in one pass.
// Unknown fields are refused too: a typo such as `max_token` would otherwise be silently ignored.
import {
  ASSERTION_TYPES,
  DEFAULT_MAX_TOKENS,
  DEFAULT_WEIGHT,
  type AssertionType,
  type EvalAssertion,
  type EvalCase,
  type EvalSuite,
  type UnweightedAssertion,
} from './suite.types.js';

export class SuiteValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid evaluation suite ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SuiteValidationError';
  }
}

type RawObject = Readonly<Record<string, unknown>>;

const SUITE_FIELDS = ['name', 'cases'];
const CASE_FIELDS = ['id', 'prompt', 'system', 'max_tokens', 'assert'];

export function parseSuite(raw: unknown, source: string): EvalSuite {
  if (!isObject(raw)) {
    throw new SuiteValidationError(source, [
      `the suite must be an object with "name" and "cases" (got ${describe(raw)})`,
    ]);
  }
  const problems: string[] = [];
  rejectUnknownFields(raw, SUITE_FIELDS, 'suite', problems);
  const name = requireText(raw.name, 'name', problems);

  const cases: EvalCase[] = [];
  if (!Array.isArray(raw.cases) || raw.cases.length === 0) {
    problems.push(`cases must be a non-empty array (got ${describe(raw.cases)})`);
  } else {
    const firstIndexById = new Map<string, number>();
    raw.cases.forEach((rawCase: unknown, index) => {
      const label = caseLabel(rawCase, index);
      const parsed = parseCase(rawCase, label, problems);
      if (!parsed) return;
      const earlier = firstIndexById.get(parsed.id);
      if (earlier === undefined) firstIndexById.set(parsed.id, index);
      else problems.push(`${label}.id duplicates cases[${earlier}]; case ids must be unique`);
      cases.push(parsed);
    });
  }

  if (problems.length > 0 || name === undefined) throw new SuiteValidationError(source, problems);
  return { name, cases };
}

function caseLabel(rawCase: unknown, index: number): string {
  const id = isObject(rawCase) ? rawCase.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? `cases[${index}] (id ${JSON.stringify(id)})` : `cases[${index}]`;
}

function parseCase(raw: unknown, at: string, problems: string[]): EvalCase | undefined {
  if (!isObject(raw)) {
    problems.push(`${at} must be an object with "id", "prompt" and "assert" (got ${describe(raw)})`);
    return undefined;
  }
  const before = problems.length;
  rejectUnknownFields(raw, CASE_FIELDS, at, problems);
  const id = requireText(raw.id, `${at}.id`, problems);
  const prompt = requireText(raw.prompt, `${at}.prompt`, problems);
  const system = raw.system === undefined ? undefined : requireText(raw.system, `${at}.system`, problems);
  const maxTokens =
    raw.max_tokens === undefined ? DEFAULT_MAX_TOKENS : positiveInteger(raw.max_tokens, `${at}.max_tokens`, problems);

  const assertions: EvalAssertion[] = [];
  if (!Array.isArray(raw.assert) || raw.assert.length === 0) {
    problems.push(`${at}.assert must be a non-empty array of assertions (got ${describe(raw.assert)})`);
  } else {
    raw.assert.forEach((rawAssertion: unknown, index) => {
      const parsed = parseAssertion(rawAssertion, `${at}.assert[${index}]`, problems);
      if (parsed) assertions.push(parsed);
    });
  }

  if (problems.length > before || id === undefined || prompt === undefined || maxTokens === undefined) return undefined;
  return { id, prompt, ...(system === undefined ? {} : { system }), max_tokens: maxTokens, assert: assertions };
}

function parseAssertion(raw: unknown, at: string, problems: string[]): EvalAssertion | undefined {
  if (!isObject(raw)) {
    problems.push(`${at} must be an object with a "type" (got ${describe(raw)})`);
    return undefined;
  }
  const type = raw.type;
  if (!isAssertionType(type)) {
    problems.push(`${at}.type must be one of ${ASSERTION_TYPES.join(', ')} (got ${describe(type)})`);
    return undefined;
  }
  const before = problems.length;
  rejectUnknownFields(raw, fieldsFor(type), `${at} (${type})`, problems);
  const weight = raw.weight === undefined ? DEFAULT_WEIGHT : positiveNumber(raw.weight, `${at}.weight`, problems);
  const assertion = parseAssertionValue(type, raw, at, problems);
  if (problems.length > before || weight === undefined || assertion === undefined) return undefined;
  return { ...assertion, weight };
}

function parseAssertionValue(
  type: AssertionType,
  raw: RawObject,
  at: string,
  problems: string[],
): UnweightedAssertion | undefined {
  switch (type) {
    case 'equals':
    case 'contains':
    case 'icontains': {
      const value = requireText(raw.value, `${at}.value`, problems, 'quote numbers and booleans in YAML');
      return value === undefined ? undefined : { type, value };
    }
    case 'regex':
      return parseRegex(raw, at, problems);
    case 'is-json':
      return { type };
    case 'max-latency-ms': {
      const value = positiveNumber(raw.value, `${at}.value`, problems);
      return value === undefined ? undefined : { type, value };
    }
  }
}

function parseRegex(raw: RawObject, at: string, problems: string[]): UnweightedAssertion | undefined {
  const pattern = requireText(raw.value, `${at}.value`, problems);
  let flags: string | undefined;
  if (raw.flags !== undefined) {
    if (typeof raw.flags !== 'string')
      problems.push(`${at}.flags must be a string of RegExp flags such as "i" (got ${describe(raw.flags)})`);
    else if (compileError('', raw.flags))
      problems.push(`${at}.flags ${JSON.stringify(raw.flags)} are not valid RegExp flags`);
    else flags = raw.flags;
  }
  if (pattern === undefined || (raw.flags !== undefined && flags === undefined)) return undefined;
  const error = compileError(pattern, flags);
  if (error) {
    problems.push(`${at}.value is not a valid regular expression: ${error}`);
    return undefined;
  }
  return { type: 'regex', value: pattern, ...(flags === undefined ? {} : { flags }) };
}

function compileError(pattern: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function fieldsFor(type: AssertionType): readonly string[] {
  switch (type) {
    case 'is-json':
      return ['type', 'weight'];
    case 'regex':
      return ['type', 'value', 'flags', 'weight'];
    case 'equals':
    case 'contains':
    case 'icontains':
    case 'max-latency-ms':
      return ['type', 'value', 'weight'];
  }
}

function rejectUnknownFields(raw: RawObject, known: readonly string[], at: string, problems: string[]): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key))
      problems.push(`${at} has an unknown field ${JSON.stringify(key)} (expected ${known.join(', ')})`);
  }
}

function requireText(value: unknown, at: string, problems: string[], hint?: string): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  const hinted = hint !== undefined && (typeof value === 'number' || typeof value === 'boolean');
  problems.push(`${at} must be a non-empty string (got ${describe(value)}${hinted ? `; ${hint}` : ''})`);
  return undefined;
}

function positiveInteger(value: unknown, at: string, problems: string[]): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  problems.push(`${at} must be a positive integer (got ${describe(value)})`);
  return undefined;
}

function positiveNumber(value: unknown, at: string, problems: string[]): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  problems.push(`${at} must be a positive number (got ${describe(value)})`);
  return undefined;
}

function isAssertionType(value: unknown): value is AssertionType {
  return typeof value === 'string' && (ASSERTION_TYPES as readonly string[]).includes(value);
}

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
