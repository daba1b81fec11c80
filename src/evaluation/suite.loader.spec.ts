import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundledSuite, loadSuite, loadSuiteFile } from './suite.loader.js';
import { SuiteValidationError } from './suite.validation.js';

const EXPECTED = {
  name: 'small suite',
  cases: [
    {
      id: 'arithmetic-1',
      prompt: 'What is 17 * 23? Answer with the number only.',
      max_tokens: 256,
      assert: [{ type: 'equals', value: '391', weight: 1 }],
    },
    {
      id: 'json-1',
      prompt: 'Return {"ok": true}.',
      system: 'Output JSON only.',
      max_tokens: 32,
      assert: [
        { type: 'is-json', weight: 2 },
        { type: 'regex', value: '"ok"\\s*:\\s*true', flags: 'i', weight: 1 },
      ],
    },
  ],
};

const YAML_SUITE = `# a comment, which JSON cannot have
name: small suite
cases:
  - id: arithmetic-1
    prompt: What is 17 * 23? Answer with the number only.
    assert:
      - { type: equals, value: "391" }
  - id: json-1
    prompt: 'Return {"ok": true}.'
    system: Output JSON only.
    max_tokens: 32
    assert:
      - type: is-json
        weight: 2
      - type: regex
        value: '"ok"\\s*:\\s*true'
        flags: i
`;

describe('suite loader', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eval-suite-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeSuite(name: string, content: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content, 'utf8');
    return path;
  }

  async function loadError(path: string): Promise<SuiteValidationError> {
    const error: unknown = await loadSuiteFile(path).then(
      () => new Error('expected the suite to be refused'),
      (caught: unknown) => caught,
    );
    if (!(error instanceof SuiteValidationError)) throw error;
    return error;
  }

  it('loads a JSON suite', async () => {
    const path = await writeSuite('suite.json', JSON.stringify(EXPECTED));
    await expect(loadSuiteFile(path)).resolves.toEqual(EXPECTED);
  });

  it.each(['suite.yaml', 'suite.yml', 'SUITE.YAML'])('loads a YAML suite named %s', async (name) => {
    const path = await writeSuite(name, YAML_SUITE);
    await expect(loadSuiteFile(path)).resolves.toEqual(EXPECTED);
  });

  it('refuses a suite that parses but is invalid, naming the file, case and field', async () => {
    const path = await writeSuite('bad.yaml', YAML_SUITE.replace('type: is-json', 'type: json'));
    const error = await loadError(path);
    expect(error.source).toBe(path);
    expect(error.problems).toEqual([
      'cases[1] (id "json-1").assert[0].type must be one of equals, contains, icontains, regex, is-json, max-latency-ms (got "json")',
    ]);
    expect(error.message).toContain(path);
  });

  it('refuses malformed JSON', async () => {
    const error = await loadError(await writeSuite('broken.json', '{"name": "x", "cases": ['));
    expect(error.problems).toEqual([expect.stringMatching(/^the file is not valid JSON: /)]);
  });

  it('refuses malformed YAML', async () => {
    const error = await loadError(
      await writeSuite('broken.yaml', 'name: x\ncases:\n  - id: a\n   prompt: [unclosed\n'),
    );
    expect(error.problems).toEqual([expect.stringMatching(/^the file is not valid YAML: /)]);
  });

  it('refuses an empty YAML file', async () => {
    const error = await loadError(await writeSuite('empty.yaml', ''));
    expect(error.problems).toEqual(['the suite must be an object with "name" and "cases" (got null)']);
  });

  it('refuses a file with another extension without reading it', async () => {
    const error = await loadError(join(dir, 'suite.txt'));
    expect(error.problems).toEqual(['the file name must end in .json, .yaml, .yml (got ".txt")']);
  });

  it('refuses a missing file', async () => {
    const error = await loadError(join(dir, 'missing.json'));
    expect(error.problems).toEqual([expect.stringMatching(/^the file cannot be read: .*ENOENT/)]);
  });

  it('loadSuite reads the configured file, or the bundled suite when none is configured', async () => {
    const path = await writeSuite('suite.json', JSON.stringify(EXPECTED));
    await expect(loadSuite(path)).resolves.toEqual(EXPECTED);
    await expect(loadSuite(undefined)).resolves.toEqual(loadBundledSuite());
  });
});
