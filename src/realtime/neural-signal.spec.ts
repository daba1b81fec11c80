import { neuralSignal, signalStrength, type SignalInput } from './neural-signal.js';

const model = (over: Partial<SignalInput> = {}): SignalInput => ({
  id: 1,
  name: 'Gemini',
  last_score: 10,
  uptime_percent: 100,
  response_time: 500,
  status: 'healthy',
  enabled: true,
  ...over,
});

describe('signal strength of one model', () => {
  it('a perfect model (score 10, 100 % up, answering within 500 ms) is 100', () => {
    expect(signalStrength(model())).toBe(100);
  });

  it('weighs score 50 %, uptime 30 % and latency 20 %', () => {
    expect(signalStrength(model({ last_score: 0 }))).toBe(50);
    expect(signalStrength(model({ uptime_percent: 0 }))).toBe(70);
    expect(signalStrength(model({ response_time: 10_000 }))).toBe(80);
  });

  it('the latency part falls linearly from 500 ms to 10 s and stays at zero beyond', () => {
    expect(signalStrength(model({ response_time: 5_250 }))).toBe(90);
    expect(signalStrength(model({ response_time: 60_000 }))).toBe(80);
    expect(signalStrength(model({ response_time: 0 }))).toBe(100);
  });

  it('the seed Gemini (9.9, 100 %, 2300 ms) is 95.7 and the seed Cerebras (8.6, 99 %, 800 ms) 92.1', () => {
    expect(signalStrength(model({ last_score: 9.9, uptime_percent: 100, response_time: 2300 }))).toBe(95.7);
    expect(signalStrength(model({ last_score: 8.6, uptime_percent: 99, response_time: 800 }))).toBe(92.1);
  });

  it('a degraded model is scored on its numbers like a healthy one', () => {
    expect(signalStrength(model({ status: 'degraded', response_time: 5_250 }))).toBe(90);
  });

  it('a down model carries no signal, whatever its last good numbers', () => {
    expect(signalStrength(model({ status: 'down' }))).toBe(0);
  });

  it('a never-measured or disabled model has no strength', () => {
    expect(signalStrength(model({ status: 'unknown' }))).toBeNull();
    expect(signalStrength(model({ enabled: false }))).toBeNull();
  });

  it('out-of-range inputs are clamped, not extrapolated', () => {
    expect(signalStrength(model({ last_score: 12, uptime_percent: 130, response_time: -5 }))).toBe(100);
    expect(signalStrength(model({ last_score: -3, uptime_percent: -1, response_time: 20_000 }))).toBe(0);
    expect(signalStrength(model({ last_score: Number.NaN }))).toBe(50);
  });
});

describe('the neural signal of all models', () => {
  const fast = model({ id: 1, name: 'Groq' });
  const slow = model({ id: 2, name: 'OpenAI', response_time: 10_000 });

  it('the first signal has strengths and an overall mean but no change yet', () => {
    expect(neuralSignal([fast, slow], null)).toEqual({
      models: [
        { model_id: 1, name: 'Groq', strength: 100, change: null },
        { model_id: 2, name: 'OpenAI', strength: 80, change: null },
      ],
      overall_strength: 90,
      change: null,
    });
  });

  it('the next signal reports the change per model and overall since the previous one', () => {
    const first = neuralSignal([fast, slow], null);
    const second = neuralSignal(
      [
        { ...fast, last_score: 9 },
        { ...slow, status: 'down' },
      ],
      first,
    );
    expect(second.models.map((m) => [m.strength, m.change])).toEqual([
      [95, -5],
      [0, -80],
    ]);
    expect(second.overall_strength).toBe(47.5);
    expect(second.change).toBe(-42.5);
  });

  it('models without a strength are left out of the overall; a model new since the last signal has no change', () => {
    const first = neuralSignal([fast], null);
    const next = neuralSignal(
      [fast, model({ id: 3, name: 'New', status: 'unknown' }), model({ id: 4, name: 'Late' })],
      first,
    );
    expect(next.overall_strength).toBe(100);
    expect(next.change).toBe(0);
    expect(next.models[1]).toEqual({ model_id: 3, name: 'New', strength: null, change: null });
    expect(next.models[2]).toEqual({ model_id: 4, name: 'Late', strength: 100, change: null });
  });

  it('no model with a strength: the overall is null and so is its change', () => {
    const first = neuralSignal([fast], null);
    expect(neuralSignal([], first)).toEqual({ models: [], overall_strength: null, change: null });
    expect(neuralSignal([model({ enabled: false })], null).overall_strength).toBeNull();
  });
});
