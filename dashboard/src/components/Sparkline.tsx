// A small line of the last 24 h of response times, drawn as SVG: no axes, its range told in its label.
export interface SparkPoint {
  at: number;
  value: number;
}

export function sparkPath(points: readonly SparkPoint[], width: number, height: number): string {
  if (points.length === 0) return '';
  const xs = points.map((p) => p.at);
  const ys = points.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = (at: number) => (x1 === x0 ? width / 2 : ((at - x0) / (x1 - x0)) * width);
  const y = (value: number) => (y1 === y0 ? height / 2 : height - ((value - y0) / (y1 - y0)) * height);
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
}

export function Sparkline({ points, label }: { points: readonly SparkPoint[]; label: string }) {
  const width = 160;
  const height = 32;
  if (points.length < 2) return <span className="spark-empty">no calls in 24 h</span>;
  const values = points.map((p) => p.value);
  const summary = `${label}: ${points.length} calls, ${Math.round(Math.min(...values))} to ${Math.round(Math.max(...values))} ms`;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={summary}
    >
      <path d={sparkPath(points, width, height)} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
