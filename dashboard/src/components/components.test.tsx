import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RangeSelector, chartData } from '../pages/ModelPage';
import { duration, ms, percent, score } from './format';
import { ProgressBar } from './ProgressBar';
import { sparkPath } from './Sparkline';
import { metric } from '../test/render';
import { StatusBadge, toneOf } from './StatusBadge';

describe('small parts', () => {
  it('colour every status, maintenance included, and write the word', () => {
    expect(['healthy', 'degraded', 'down', 'maintenance', 'unknown'].map(toneOf)).toEqual([
      'good',
      'warn',
      'bad',
      'maint',
      'muted',
    ]);
    render(<StatusBadge status="down" />);
    expect(screen.getByText('down')).toHaveClass('badge', 'tone-bad');
  });

  it('write numbers the same way everywhere', () => {
    expect([score(9.09), score(null), ms(1234.6), percent(99.54), duration(1500), duration(300_000)]).toEqual([
      '9.1',
      '–',
      '1,235 ms',
      '99.5 %',
      '1.5 s',
      '5 min',
    ]);
  });

  it('expose the progress to assistive technology, clamped to 0..100', () => {
    render(<ProgressBar value={140} label="DCRS run progress" />);
    const bar = screen.getByRole('progressbar', { name: 'DCRS run progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveTextContent('100 %');
  });

  it('draw a sparkline across the whole box, the highest value at the top', () => {
    expect(
      sparkPath(
        [
          { at: 0, value: 100 },
          { at: 5, value: 300 },
          { at: 10, value: 200 },
        ],
        100,
        20,
      ),
    ).toBe('M0.0,20.0 L50.0,0.0 L100.0,10.0');
  });

  it('sort the measured calls oldest first in seconds for the charts', () => {
    const data = chartData([
      metric({ model: 'A', model_id: 1, score: 9, response_time: 20, timestamp: '1970-01-01T00:00:10.000Z' }),
      metric({ model: 'A', model_id: 1, score: 8, response_time: 10, timestamp: '1970-01-01T00:00:05.000Z' }),
    ]);
    expect(data).toEqual({ times: [5, 10], latency: [10, 20], scores: [8, 9] });
  });

  it('choose a range with the keyboard', async () => {
    function Chooser() {
      const [days, setDays] = useState(1);
      return <RangeSelector days={days} onChange={setDays} />;
    }
    const user = userEvent.setup();
    render(<Chooser />);
    expect(screen.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: '7 d' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'false');
  });
});
