// A model's status words, shared by the models feature, routing and the model.state_changed event.
// maintenance: inside a planned window (its probes neither move the streaks nor raise alerts).
// The rule that picks one lives in models/model-status.ts.

export const MODEL_STATUSES = ['healthy', 'degraded', 'down', 'unknown', 'maintenance'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
