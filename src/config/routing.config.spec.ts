import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAppConfig } from './app-config.js';
import { parsePrices } from './routing.config.js';
import { configProblems } from '../../test/setup/config-problems.js';

const problemsOf = (env: Record<string, string>): string => configProblems(env).join('\n');
const dir = mkdtempSync(join(tmpdir(), 'prices-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('cost, quota and routing policy settings', () => {
  it('default to the quality policy, a 0.5-point cost margin, a 10% low quota and no prices', () => {
    expect(parseAppConfig({}).cost).toEqual({
      policy: 'quality',
      costMargin: 0.5,
      quotaLowFraction: 0.1,
      pricesPath: undefined,
      defaultPrices: [],
    });
  });

  it('take cost_within, a margin and a fraction', () => {
    const cost = parseAppConfig({
      ROUTING_POLICY: 'cost_within',
      ROUTING_COST_MARGIN: '1.5',
      QUOTA_LOW_FRACTION: '0.25',
    }).cost;
    expect(cost).toMatchObject({ policy: 'cost_within', costMargin: 1.5, quotaLowFraction: 0.25 });
  });

  it('refuse an unknown policy and out-of-range numbers', () => {
    expect(problemsOf({ ROUTING_POLICY: 'cheapest' })).toContain('ROUTING_POLICY must be one of quality, cost_within');
    expect(problemsOf({ ROUTING_COST_MARGIN: '-1' })).toContain('ROUTING_COST_MARGIN must be a number from 0 to 10');
    expect(problemsOf({ QUOTA_LOW_FRACTION: '2' })).toContain('QUOTA_LOW_FRACTION must be a number from 0 to 1');
  });

  it('read default prices from YAML and from JSON, currency USD unless given', () => {
    const yaml = file(
      'p.yaml',
      'prices:\n  - model: gpt-4o-mini\n    input_per_million: 0.15\n    output_per_million: 0.6\n',
    );
    expect(parseAppConfig({ PRICES_PATH: yaml }).cost.defaultPrices).toEqual([
      { model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6, currency: 'USD' },
    ]);
    const json = file(
      'p.json',
      JSON.stringify({ prices: [{ model: 'Groq', input_per_million: 1, output_per_million: 2, currency: 'EUR' }] }),
    );
    expect(parseAppConfig({ PRICES_PATH: json }).cost.defaultPrices).toEqual([
      { model: 'Groq', inputPerMillion: 1, outputPerMillion: 2, currency: 'EUR' },
    ]);
  });

  it('refuse a missing, unparsable or invalid prices file, naming the entry', () => {
    expect(problemsOf({ PRICES_PATH: join(dir, 'missing.yaml') })).toContain('PRICES_PATH: cannot read');
    expect(problemsOf({ PRICES_PATH: file('bad.json', '{') })).toContain('is not valid JSON');
    expect(
      problemsOf({
        PRICES_PATH: file('bad.yaml', 'prices:\n  - model: x\n    input_per_million: -1\n    output_per_million: 1\n'),
      }),
    ).toContain('PRICES_PATH: prices[0].input_per_million must be a number from 0 to 1000000');
  });

  it('ship an example file that parses', () => {
    expect(parseAppConfig({ PRICES_PATH: 'examples/prices.example.yaml' }).cost.defaultPrices.length).toBeGreaterThan(
      3,
    );
  });

  it('parse an entry list and name every problem', () => {
    expect(
      parsePrices({ prices: [{ model: '', input_per_million: 'a', output_per_million: 1, currency: 'usd' }] }).problems,
    ).toEqual([
      'prices[0].model must be a model name or provider model id',
      'prices[0].input_per_million must be a number from 0 to 1000000',
      'prices[0].currency must be a 3-letter code such as USD',
    ]);
    expect(parsePrices([]).problems).toEqual(['expected a top-level "prices" list']);
  });
});
