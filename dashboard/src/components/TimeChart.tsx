// A time series chart (uPlot: built for many points, canvas, small). Times are epoch seconds.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
}

export function TimeChart({ title, times, series }: { title: string; times: number[]; series: Series[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || times.length === 0) return;
    const plot = new uPlot(
      {
        width: element.clientWidth || 600,
        height: 220,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, spanGaps: true }))],
        axes: [{ stroke: 'currentColor' }, { stroke: 'currentColor' }],
        legend: { show: true },
      },
      [times, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {times.length === 0 ? (
        <p className="muted">No measured calls in this range.</p>
      ) : (
        <div ref={box} role="img" aria-label={title} />
      )}
    </figure>
  );
}
