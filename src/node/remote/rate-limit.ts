// A token bucket per relay connection: a phone or a console sends a few messages a second (a
// pointer drag one per frame), so a steady rate with room for a burst passes everything real,
// while a client that floods is held to the rate and, if it keeps on, told to go.

export interface RateLimit {
  /** Messages per second, sustained. */
  perSecond: number;
  /** Messages that may arrive at once after a quiet moment. */
  burst: number;
  /** Dropped messages within `floodWindowMs` that make the sender a flooder. */
  floodAfter: number;
  floodWindowMs: number;
}

/** One pointer message per frame at 60 Hz plus state changes and a console's forwarding, with room to spare. */
export const RELAY_RATE_LIMIT: RateLimit = {
  perSecond: 120,
  burst: 240,
  floodAfter: 240,
  floodWindowMs: 5000,
};

export type Verdict = 'accept' | 'drop' | 'flood';

export interface RateLimiter {
  /** What to do with a message arriving at `now` (ms, never going back). */
  take(now: number): Verdict;
}

export function rateLimiter({ perSecond, burst, floodAfter, floodWindowMs }: RateLimit): RateLimiter {
  let tokens = burst;
  let last: number | undefined;
  let windowStart = 0;
  let dropped = 0;
  return {
    take(now) {
      if (last !== undefined) tokens = Math.min(burst, tokens + (Math.max(0, now - last) * perSecond) / 1000);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 'accept';
      }
      if (now - windowStart >= floodWindowMs) {
        windowStart = now;
        dropped = 0;
      }
      dropped += 1;
      return dropped >= floodAfter ? 'flood' : 'drop';
    },
  };
}
