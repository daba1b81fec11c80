import { suiteHash } from './suite-hash.js';

const alpha = { id: 'alpha', prompt: 'Say alpha', assert: [{ type: 'icontains', value: 'alpha', weight: 1 }] };

describe('suiteHash', () => {
  it('is the SHA-256 of the cases, the same for the same cases whatever the suite name', () => {
    const hash = suiteHash({ cases: [alpha] } as never);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(suiteHash({ name: 'other', cases: [alpha] } as never)).toBe(hash);
  });

  it('changes when a case changes', () => {
    const changed = { ...alpha, prompt: 'Say alpha, please' };
    expect(suiteHash({ cases: [changed] } as never)).not.toBe(suiteHash({ cases: [alpha] } as never));
  });
});
