// Evaluation suites and check sets for tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two cases in the suite format (also a cartridge check set): an answer must say alpha, then beta.
 * "alpha beta" passes both (score 10), "alpha" one (5), anything else none (0).
 */
export const ALPHA_BETA_CASES = [
  { id: 'alpha', prompt: 'Say alpha', assert: [{ type: 'icontains', value: 'alpha' }] },
  { id: 'beta', prompt: 'Say beta', assert: [{ type: 'icontains', value: 'beta' }] },
];

/** Writes a suite file into a fresh temporary folder and returns its path. */
export function writeSuiteFile(fileName: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shawn-suite-')), fileName);
  writeFileSync(path, content, 'utf8');
  return path;
}
