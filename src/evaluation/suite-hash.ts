// The identity of an evaluation suite's content: two runs with the same hash asked the same questions.
import { createHash } from 'node:crypto';
import type { EvalSuite } from './suite.types.js';

/** SHA-256 (hex) of the suite's cases as JSON. */
export function suiteHash(suite: Pick<EvalSuite, 'cases'>): string {
  return createHash('sha256').update(JSON.stringify(suite.cases)).digest('hex');
}
