// Keys, secrets and names for tests: unique, so that no response, log line or row can contain one by accident.
import { randomUUID } from 'node:crypto';

/** `<prefix>-<uuid>`: long enough for every key setting (16+ characters). */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** `<prefix>-<8 hex digits>`: a short unique name (a model, a provider model id). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export const newAdminKey = (): string => unique('admin');
export const newIngestKey = (): string => unique('ingest');
/** An API key for the fake provider (or one it refuses). */
export const newProviderKey = (): string => unique('sk-test');
/** A webhook signing secret. */
export const newSecret = (): string => unique('whsec');
