// @vitest-environment node
// schema.d.ts is generated from the committed openapi.json (`npm run dashboard:api`): this fails when
// someone changed the API (and openapi.json) without generating the client again.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { expect, it } from 'vitest';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

it('schema.d.ts is what openapi-typescript makes of the committed openapi.json', async () => {
  const document = readFileSync(at('../../../openapi.json'), 'utf8');
  const committed = readFileSync(at('./schema.d.ts'), 'utf8');
  const generated = astToString(await openapiTS(document));
  const normalize = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
  expect(normalize(committed)).toBe(normalize(generated));
});
