import { checkAssertion } from './assertions.js';
import type { UnweightedAssertion } from './suite.types.js';

const FAST_MS = 120;

function check(assertion: UnweightedAssertion, output: string, latencyMs = FAST_MS): boolean {
  return checkAssertion({ ...assertion, weight: 1 }, output, latencyMs);
}

describe('checkAssertion', () => {
  describe('equals', () => {
    it('passes when the answer is the value apart from surrounding whitespace', () => {
      expect(check({ type: 'equals', value: '391' }, '  391\n')).toBe(true);
    });

    it('fails when the answer has anything more than the value', () => {
      expect(check({ type: 'equals', value: '391' }, 'The answer is 391.')).toBe(false);
    });

    it('fails when only the case differs', () => {
      expect(check({ type: 'equals', value: 'OK' }, 'ok')).toBe(false);
    });
  });

  describe('contains', () => {
    it('passes when the value appears anywhere in the answer', () => {
      expect(check({ type: 'contains', value: '391' }, '17 * 23 = 391')).toBe(true);
    });

    it('fails when the value appears only in another case', () => {
      expect(check({ type: 'contains', value: 'Eiffel' }, 'the eiffel tower')).toBe(false);
    });
  });

  describe('icontains', () => {
    it('passes when the value appears in another case', () => {
      expect(check({ type: 'icontains', value: 'canberra' }, 'CANBERRA.')).toBe(true);
    });

    it('passes for Korean text', () => {
      expect(check({ type: 'icontains', value: '감사' }, '감사합니다')).toBe(true);
    });

    it('fails when the value is absent', () => {
      expect(check({ type: 'icontains', value: 'canberra' }, 'Sydney')).toBe(false);
    });
  });

  describe('regex', () => {
    it('passes when the pattern matches', () => {
      expect(check({ type: 'regex', value: 'def\\s+is_even\\s*\\(' }, 'def is_even(n):\n    return n % 2 == 0')).toBe(
        true,
      );
    });

    it('fails when the pattern does not match', () => {
      expect(check({ type: 'regex', value: '^\\d+$' }, 'about 391')).toBe(false);
    });

    it('applies the flags', () => {
      expect(check({ type: 'regex', value: '^yes', flags: 'i' }, 'Yes.')).toBe(true);
      expect(check({ type: 'regex', value: '^yes' }, 'Yes.')).toBe(false);
    });

    it('gives the same answer every time even with the global flag', () => {
      const assertion = { type: 'regex', value: '391', flags: 'g' } as const;
      expect(check(assertion, '391')).toBe(true);
      expect(check(assertion, '391')).toBe(true);
    });
  });

  describe('is-json', () => {
    it('passes for a bare JSON object', () => {
      expect(check({ type: 'is-json' }, '{"name": "Ada", "year": 1815}')).toBe(true);
    });

    it('passes for JSON in a ```json fenced block', () => {
      expect(check({ type: 'is-json' }, '```json\n{"name": "Ada"}\n```')).toBe(true);
    });

    it('passes for JSON in a bare fenced block with surrounding whitespace', () => {
      expect(check({ type: 'is-json' }, '\n```\n[1, 2, 3]\n```\n')).toBe(true);
    });

    it('fails for prose around the JSON', () => {
      expect(check({ type: 'is-json' }, 'Here it is: {"name": "Ada"}')).toBe(false);
    });

    it('fails for invalid JSON inside a fence', () => {
      expect(check({ type: 'is-json' }, "```json\n{name: 'Ada'}\n```")).toBe(false);
    });

    it('fails for an empty answer and an empty fence', () => {
      expect(check({ type: 'is-json' }, '')).toBe(false);
      expect(check({ type: 'is-json' }, '```json\n```')).toBe(false);
    });
  });

  describe('max-latency-ms', () => {
    it('passes at or under the limit', () => {
      expect(check({ type: 'max-latency-ms', value: 1000 }, 'anything', 1000)).toBe(true);
    });

    it('fails over the limit', () => {
      expect(check({ type: 'max-latency-ms', value: 1000 }, 'anything', 1001)).toBe(false);
    });
  });
});
