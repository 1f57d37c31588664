import type { RandomStream } from '../rng';
import type { Micros } from '../trace';

/**
 * Reconnect delays: exponential backoff with "full jitter" — a uniform draw between 0 and
 * min(cap, base × 2^(attempt − 1)) — the scheme AWS recommends for clients retrying against a
 * recovering service. Base and cap are simulator figures (docs/endpoints.md).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 100, capMs: 5_000 };

export function backoffDelayUs(attempt: number, policy: BackoffPolicy, rng: RandomStream): Micros {
  const ceilingMs = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(rng.next() * ceilingMs * 1000));
}
