// Types for parse-prometheus-text-format 1.1 (the package ships none), as far as the tests read it.
declare module 'parse-prometheus-text-format' {
  export interface PrometheusSample {
    labels?: Record<string, string>;
    value?: string;
    /** Histograms: cumulative count per upper bound (`le`), `+Inf` included. */
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }

  export interface PrometheusFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: PrometheusSample[];
  }

  /** Throws on a line that is not valid in the text exposition format. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
