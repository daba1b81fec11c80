// The committed contract (openapi.json) must be clean under redocly.yaml: Redocly's recommended rules
// and the additions for Spectral's concerns. Runs the real CLI, as a developer would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTRACT = join(ROOT, 'openapi.json');
const REDOCLY = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
}

/** `redocly lint --format=json`: it exits 1 when it finds an error, and prints its report either way. */
function lint(file: string): Promise<LintReport> {
  const args = [REDOCLY, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=json'];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as LintReport);
      } catch {
        reject(new Error(`redocly lint printed no report (${error?.message ?? 'exit 0'}): ${stderr}`));
      }
    });
  });
}

function described(problems: LintProblem[]): string[] {
  return problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
}

describe('openapi.json under redocly lint', () => {
  it('has no error and no warning', async () => {
    const report = await lint(CONTRACT);
    expect(described(report.problems)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('fails an operation without security or description, or with no tag or an undeclared one', async () => {
    type Operation = { security?: unknown; tags?: unknown; description?: unknown };
    const document = JSON.parse(readFileSync(CONTRACT, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
    const models = document.paths['/api/models']['get'];
    delete models.security;
    delete models.description;
    models.tags = ['undeclared'];
    document.paths['/api/routing']['get'].tags = [];
    const dir = mkdtempSync(join(tmpdir(), 'shawn-openapi-lint-'));
    try {
      const broken = join(dir, 'openapi.json');
      writeFileSync(broken, JSON.stringify(document));
      const report = await lint(broken);
      expect(report.problems.map((p) => [p.ruleId, p.location[0]?.pointer]).sort()).toEqual([
        ['operation-description', '#/paths/~1api~1models/get/description'],
        ['operation-tag-defined', '#/paths/~1api~1models/get/tags/0'],
        ['rule/operation-tags', '#/paths/~1api~1routing/get/tags'],
        ['security-defined', '#/paths/~1api~1models/get'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
