// Reads /metrics the way Prometheus does: the text exposition format, parsed by a real parser
// (parse-prometheus-text-format, which throws on any malformed line), into metric families.
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';

export class Scrape {
  readonly families: ReadonlyMap<string, PrometheusFamily>;

  constructor(readonly text: string) {
    this.families = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
  }

  family(name: string): PrometheusFamily {
    const family = this.families.get(name);
    if (!family) throw new Error(`no metric family ${name} in the scrape`);
    return family;
  }

  /** The value of the one sample whose labels include all of `labels`; undefined when there is none. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    const matching = this.family(name).metrics.filter((sample) =>
      Object.entries(labels).every(([key, value]) => sample.labels?.[key] === value),
    );
    if (matching.length > 1) throw new Error(`${matching.length} samples of ${name} match ${JSON.stringify(labels)}`);
    return matching[0]?.value === undefined ? undefined : Number(matching[0].value);
  }

  /** Every value a label takes in a family. */
  labelValues(name: string, label: string): string[] {
    return [...new Set(this.family(name).metrics.flatMap((sample) => sample.labels?.[label] ?? []))];
  }
}
