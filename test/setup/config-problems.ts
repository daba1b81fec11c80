// What a configuration is refused for, for the settings' unit specs: none when it boots.
import { ConfigValidationError, parseAppConfig } from '../../src/config/app-config.js';

export function configProblems(env: Record<string, string>): readonly string[] {
  try {
    parseAppConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}
