// Decides whether one model answer satisfies one assertion of a suite case. Pure: the provider call,
// its timing and its errors are handled by the caller; an errored call never reaches this function.
import type { EvalAssertion } from './suite.types.js';

export function checkAssertion(assertion: EvalAssertion, output: string, latencyMs: number): boolean {
  switch (assertion.type) {
    case 'equals':
      return output.trim() === assertion.value.trim();
    case 'contains':
      return output.includes(assertion.value);
    case 'icontains':
      return output.toLowerCase().includes(assertion.value.toLowerCase());
    case 'regex':
      // A fresh RegExp per check: a suite's "g" or "y" flag would otherwise carry lastIndex between answers.
      return new RegExp(assertion.value, assertion.flags).test(output);
    case 'is-json':
      return parsesAsJson(output);
    case 'max-latency-ms':
      return latencyMs <= assertion.value;
  }
}

// Models asked for JSON often wrap it in a Markdown code fence (```json ... ``` or a bare ```), even when
// told not to. The answer is still usable JSON, so a single fenced block around the whole answer is
// unwrapped before parsing. Any JSON value counts (object, array, string, number, boolean, null); pair
// is-json with contains or regex when the case needs a particular shape.
const FENCED_BLOCK = /^```[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

function parsesAsJson(output: string): boolean {
  const trimmed = output.trim();
  const body = FENCED_BLOCK.exec(trimmed)?.[1] ?? trimmed;
  if (body.trim() === '') return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
