// Result files and tables: bench/results/<scenario>.json (with the machine), a markdown table for the
// terminal, and the README's Benchmarks table between its markers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './machine.js';
import type { ScenarioResult } from './scenario.js';

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

export interface StoredResult extends ScenarioResult {
  machine: MachineInfo;
  quick: boolean;
  durationS: number;
}

export function writeResult(dir: string, result: StoredResult): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.scenario}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function readResult(dir: string, scenario: string): StoredResult | null {
  try {
    return JSON.parse(readFileSync(join(dir, `${scenario}.json`), 'utf8')) as StoredResult;
  } catch {
    return null;
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|');

export function markdownTable(results: readonly StoredResult[]): string {
  const lines = ['| scenario | measured | target | result |', '|---|---|---|---|'];
  for (const result of results) {
    for (const target of result.targets) {
      lines.push(
        `| ${result.scenario}: ${cell(target.name)} | ${cell(target.actual)} | ${cell(target.target)} | ${target.met ? 'met' : 'missed'} |`,
      );
    }
  }
  return lines.join('\n');
}

export function machineLine(results: readonly StoredResult[]): string {
  const first = results[0];
  if (!first) return '';
  const { cpus, cpuModel, ramGb, node, date } = first.machine;
  const dates = [...new Set(results.map((r) => r.machine.date.slice(0, 10)))].join(', ');
  const quick = results.some((r) => r.quick) ? ' (BENCH_QUICK=1: smoke figures, not the measurement)' : '';
  return `Measured on ${cpus} × ${cpuModel}, ${ramGb} GB RAM, Node ${node}, ${dates || date}${quick}.`;
}

/** The README with the text between the markers replaced (the markers must be there). */
export function withBenchTable(readme: string, results: readonly StoredResult[]): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers`);
  const notes = results.flatMap((r) => r.notes.map((note) => `- ${r.scenario}: ${note}`));
  const body = [machineLine(results), '', markdownTable(results), '', ...notes].join('\n');
  return `${readme.slice(0, start + README_START.length)}\n${body}\n${readme.slice(end)}`;
}
