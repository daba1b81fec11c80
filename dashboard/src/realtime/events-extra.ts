// Payload types of the event map that the dashboard names on their own.
import type { BroadcastPayloads } from './events';

export type NeuralSignal = BroadcastPayloads['neural_signal'];
export type ModelUpdate = BroadcastPayloads['model_update'];
