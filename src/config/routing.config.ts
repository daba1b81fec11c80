// Cost, quota and the routing policy: which rule picks the primary, how far cheaper may trail the
// best, when a quota counts as low, and the default prices (PRICES_PATH, read and checked at boot).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { EnvReader } from './env-parsers.js';

export const ROUTING_POLICIES = ['quality', 'cost_within'] as const;
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

/** A default price: per model, matched by model name or provider model id. */
export interface PriceDefault {
  model: string;
  inputPerMillion: number;
  outputPerMillion: number;
  currency: string;
}

export interface CostConfig {
  /** quality: the best score wins; cost_within: the cheapest within `costMargin` points of the best. */
  readonly policy: RoutingPolicy;
  /** Score points a cheaper model may trail the best by and still be chosen under cost_within. */
  readonly costMargin: number;
  /** A quota_low alert opens when the scarcer of requests and tokens has less than this share left. */
  readonly quotaLowFraction: number;
  readonly pricesPath?: string;
  readonly defaultPrices: readonly PriceDefault[];
}

export function readCostConfig(read: EnvReader): CostConfig {
  const pricesPath = read.optionalString('PRICES_PATH');
  return {
    policy: read.oneOf('ROUTING_POLICY', ROUTING_POLICIES, 'quality'),
    costMargin: read.number('ROUTING_COST_MARGIN', 0.5, 0, 10),
    quotaLowFraction: read.number('QUOTA_LOW_FRACTION', 0.1, 0, 1),
    pricesPath,
    defaultPrices: pricesPath === undefined ? [] : readPricesFile(pricesPath, read.problems),
  };
}

function readPricesFile(path: string, problems: string[]): PriceDefault[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push(`PRICES_PATH: cannot read ${path}`);
    return [];
  }
  let document: unknown;
  try {
    document = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    problems.push(
      `PRICES_PATH: ${path} is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'} (${(error as Error).message.split('\n')[0]})`,
    );
    return [];
  }
  const { prices, problems: found } = parsePrices(document);
  problems.push(...found.map((problem) => `PRICES_PATH: ${problem}`));
  return prices;
}

/** `{prices: [{model, input_per_million, output_per_million, currency?}]}`; currency defaults to USD. */
export function parsePrices(document: unknown): { prices: PriceDefault[]; problems: string[] } {
  const list = isRecord(document) ? document['prices'] : undefined;
  if (!Array.isArray(list)) return { prices: [], problems: ['expected a top-level "prices" list'] };
  const prices: PriceDefault[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, i) => {
    const at = `prices[${i}]`;
    if (!isRecord(entry)) return problems.push(`${at} must be an object`);
    const model = entry['model'];
    const input = entry['input_per_million'];
    const output = entry['output_per_million'];
    const currency = entry['currency'] ?? 'USD';
    if (typeof model !== 'string' || model.trim() === '')
      problems.push(`${at}.model must be a model name or provider model id`);
    if (!isPrice(input)) problems.push(`${at}.input_per_million must be a number from 0 to 1000000`);
    if (!isPrice(output)) problems.push(`${at}.output_per_million must be a number from 0 to 1000000`);
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
      problems.push(`${at}.currency must be a 3-letter code such as USD`);
    if (typeof model === 'string' && isPrice(input) && isPrice(output) && typeof currency === 'string') {
      prices.push({ model: model.trim(), inputPerMillion: input, outputPerMillion: output, currency });
    }
    return undefined;
  });
  return { prices: problems.length > 0 ? [] : prices, problems };
}

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1_000_000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
