// openapi.json is the API contract: the app must serve exactly the committed document, on either
// engine and whatever its settings, so that every API change shows in review as a change of that file.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const FIX = 'run `npm run openapi` and commit openapi.json';
const committed: unknown = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function child(at: string, key: string, inArray: boolean): string {
  if (inArray) return `${at}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Where two JSON documents differ (the first 20 places), so that a failure says what drifted. */
function differences(expected: unknown, actual: unknown, at = '$', found: string[] = []): string[] {
  if (found.length >= 20 || isDeepStrictEqual(expected, actual)) return found;
  if (!isRecord(expected) || !isRecord(actual) || Array.isArray(expected) !== Array.isArray(actual)) {
    found.push(`${at}: committed ${preview(expected)}, served ${preview(actual)}`);
    return found;
  }
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    differences(expected[key], actual[key], child(at, key, Array.isArray(expected)), found);
  }
  return found;
}

describe('the OpenAPI contract (openapi.json)', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it(`is the document the app serves at /docs-json (if not, ${FIX})`, async () => {
    t = await startTestApp();
    const served: unknown = (await request(t.server).get('/docs-json').expect(200)).body;
    expect({ [FIX]: differences(committed, served) }).toEqual({ [FIX]: [] });
  });

  it('does not depend on the settings, the port or the keys', async () => {
    t = await startTestApp({
      listen: true,
      env: {
        NODE_ENV: 'production',
        ADMIN_API_KEY: 'contract-admin-key-0123456789',
        INGEST_API_KEYS: 'contract-ingest-key-0123456789',
        CORS_ORIGINS: 'https://dashboard.example.org',
        ROUTING_MODE: 'recommend',
        SIMULATE_PROVIDERS: 'false',
      },
    });
    const served: unknown = (await request(t.url).get('/docs-json').expect(200)).body;
    expect({ [FIX]: differences(committed, served) }).toEqual({ [FIX]: [] });
  });

  it('says where a drifted document differs', () => {
    type Contract = { info: { version: string }; paths: Record<string, unknown> };
    const drifted = structuredClone(committed) as Contract;
    drifted.info.version = '0.0.0-drift';
    delete drifted.paths['/api/models'];
    expect(differences(committed, drifted)).toEqual([
      `$.info.version: committed "${(committed as Contract).info.version}", served "0.0.0-drift"`,
      expect.stringMatching(/^\$\.paths\["\/api\/models"\]: committed \{.*, served nothing$/),
    ]);
  });
});
