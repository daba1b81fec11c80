// Reads an evaluation suite from disk (.json, .yaml or .yml) or returns the bundled one. Every failure,
// from a missing file to a bad field, comes out as a SuiteValidationError naming the file.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BUNDLED_SUITE, BUNDLED_SUITE_SOURCE } from './bundled-suite.js';
import { parseSuite, SuiteValidationError } from './suite.validation.js';
import type { EvalSuite } from './suite.types.js';

const SUITE_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** The suite at `path` when one is configured (EVAL_SUITE_PATH), otherwise the bundled suite. */
export async function loadSuite(path: string | undefined): Promise<EvalSuite> {
  if (path === undefined) return loadBundledSuite();
  return await loadSuiteFile(path);
}

export async function loadSuiteFile(path: string): Promise<EvalSuite> {
  const extension = extname(path).toLowerCase();
  if (!SUITE_EXTENSIONS.includes(extension)) {
    throw new SuiteValidationError(path, [
      `the file name must end in ${SUITE_EXTENSIONS.join(', ')} (got "${extension}")`,
    ]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SuiteValidationError(path, [`the file cannot be read: ${messageOf(error)}`]);
  }
  return parseSuite(decode(text, extension, path), path);
}

export function loadBundledSuite(): EvalSuite {
  return parseSuite(BUNDLED_SUITE, BUNDLED_SUITE_SOURCE);
}

function decode(text: string, extension: string, path: string): unknown {
  try {
    return extension === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const format = extension === '.json' ? 'JSON' : 'YAML';
    throw new SuiteValidationError(path, [`the file is not valid ${format}: ${messageOf(error)}`]);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
