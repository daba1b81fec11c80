// What a model's latest rate-limit reading means: how much is left, when it comes back, whether it
// is exhausted. Pure; shared by the models' responses, routing, the quota_low alert and /metrics.

export interface StoredQuota {
  requestsRemaining: number | null;
  requestsLimit: number | null;
  tokensRemaining: number | null;
  tokensLimit: number | null;
  requestsResetAt: Date | null;
  tokensResetAt: Date | null;
}

/** The share left of the scarcer resource (0..1), or null when no limit is known. */
export function quotaFractionLeft(quota: StoredQuota): number | null {
  const fractions = [
    share(quota.requestsRemaining, quota.requestsLimit),
    share(quota.tokensRemaining, quota.tokensLimit),
  ].filter((f): f is number => f !== null);
  return fractions.length === 0 ? null : Math.min(...fractions);
}

/**
 * When the quota comes back: the reset of the scarcer resource (the one with less left), or the one
 * reset known when only one is.
 */
export function quotaResetsAt(quota: StoredQuota): Date | null {
  const requests = share(quota.requestsRemaining, quota.requestsLimit);
  const tokens = share(quota.tokensRemaining, quota.tokensLimit);
  if (requests !== null && tokens !== null) {
    if (requests < tokens) return quota.requestsResetAt ?? quota.tokensResetAt;
    if (tokens < requests) return quota.tokensResetAt ?? quota.requestsResetAt;
  }
  const resets = [quota.requestsResetAt, quota.tokensResetAt].filter((d): d is Date => d !== null);
  return resets.length === 0 ? null : new Date(Math.max(...resets.map((d) => d.getTime())));
}

/** Nothing left of requests or tokens, and the reset (when known) still ahead. */
export function quotaExhausted(quota: StoredQuota, now: Date): boolean {
  const emptyRequests = quota.requestsRemaining === 0;
  const emptyTokens = quota.tokensRemaining === 0;
  if (!emptyRequests && !emptyTokens) return false;
  const reset = emptyRequests ? quota.requestsResetAt : quota.tokensResetAt;
  return reset === null || reset.getTime() > now.getTime();
}

function share(remaining: number | null, limit: number | null): number | null {
  if (remaining === null || limit === null || limit <= 0) return null;
  return Math.max(0, Math.min(1, remaining / limit));
}
