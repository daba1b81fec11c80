import { ConfigValidationError, parseAppConfig } from '../config/app-config.js';

describe('realtime settings', () => {
  it('default to a model_update every 5 s and a neural_signal every minute', () => {
    expect(parseAppConfig({}).realtime).toEqual({ modelUpdateIntervalMs: 5000, neuralSignalIntervalMs: 60000 });
  });

  it('0 turns either off; short test intervals are accepted', () => {
    const config = parseAppConfig({ MODEL_UPDATE_INTERVAL_MS: '0', NEURAL_SIGNAL_INTERVAL_MS: '300' });
    expect(config.realtime).toEqual({ modelUpdateIntervalMs: 0, neuralSignalIntervalMs: 300 });
  });

  it.each([
    ['MODEL_UPDATE_INTERVAL_MS', '50', 'MODEL_UPDATE_INTERVAL_MS must be 0 (off) or at least 100 (got "50")'],
    ['NEURAL_SIGNAL_INTERVAL_MS', '-1', 'NEURAL_SIGNAL_INTERVAL_MS must be an integer from 0 to 86400000 (got "-1")'],
    ['MODEL_UPDATE_INTERVAL_MS', 'fast', 'MODEL_UPDATE_INTERVAL_MS must be an integer from 0 to 86400000 (got "fast")'],
  ])('%s=%s stops the boot naming the variable', (name, value, problem) => {
    expect(() => parseAppConfig({ [name]: value })).toThrow(ConfigValidationError);
    try {
      parseAppConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigValidationError).problems).toEqual([problem]);
    }
  });
});
