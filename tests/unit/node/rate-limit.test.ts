import { describe, expect, test } from 'vitest';
import { RELAY_RATE_LIMIT, rateLimiter, type Verdict } from '../../../src/node/remote/rate-limit.js';

const LIMIT = { perSecond: 10, burst: 20, floodAfter: 30, floodWindowMs: 5000 };
const count = (verdicts: Verdict[]) => ({
  accept: verdicts.filter((v) => v === 'accept').length,
  drop: verdicts.filter((v) => v === 'drop').length,
  flood: verdicts.filter((v) => v === 'flood').length,
});

describe('rateLimiter', () => {
  test('lets a burst through, then drops what comes faster than the rate', () => {
    const limiter = rateLimiter(LIMIT);
    const verdicts = Array.from({ length: 25 }, () => limiter.take(1000));
    expect(count(verdicts)).toEqual({ accept: 20, drop: 5, flood: 0 });
  });

  test('refills at the rate: a steady sender at the rate is never dropped', () => {
    const limiter = rateLimiter(LIMIT);
    for (let i = 0; i < 20; i++) limiter.take(0);
    // Drained; now one message every 100 ms (10/s) for a minute.
    const verdicts = Array.from({ length: 600 }, (_, i) => limiter.take(100 * (i + 1)));
    expect(count(verdicts).accept).toBe(600);
  });

  test('a pointer drag at 60 Hz with state changes passes the relay limit untouched', () => {
    const limiter = rateLimiter(RELAY_RATE_LIMIT);
    const verdicts: Verdict[] = [];
    for (let frame = 0; frame < 60 * 30; frame++) {
      verdicts.push(limiter.take((frame * 1000) / 60));
      if (frame % 30 === 0) verdicts.push(limiter.take((frame * 1000) / 60));
    }
    expect(count(verdicts).drop + count(verdicts).flood).toBe(0);
  });

  test('a sender that keeps flooding is told so once enough is dropped within the window', () => {
    const limiter = rateLimiter(LIMIT);
    const verdicts = Array.from({ length: 60 }, () => limiter.take(0));
    // 20 accepted, then drops 1..29 are "drop" and the 30th is "flood".
    expect(verdicts.indexOf('flood')).toBe(20 + 29);
    expect(count(verdicts.slice(0, 49))).toEqual({ accept: 20, drop: 29, flood: 0 });
  });

  test('drops spread over longer than the window never add up to a flood', () => {
    const limiter = rateLimiter(LIMIT);
    const verdicts: Verdict[] = [];
    // Every 6 s: a burst of 40 (20 accepted after refill, 20 dropped, under the 30 of a flood).
    for (let round = 0; round < 10; round++)
      for (let i = 0; i < 40; i++) verdicts.push(limiter.take(round * 6000));
    expect(count(verdicts)).toEqual({ accept: 200, drop: 200, flood: 0 });
  });
});
