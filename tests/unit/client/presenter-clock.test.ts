import { describe, expect, test } from 'vitest';
import {
  elapsedMs,
  formatDuration,
  parseClock,
  pauseClock,
  resetClock,
  resumeClock,
  startClock,
} from '../../../src/client/presenter/presenter-clock.js';

describe('talk clock', () => {
  test('runs, pauses for questions, resumes where it stopped', () => {
    let clock = startClock(1_000);
    expect(elapsedMs(clock, 61_000)).toBe(60_000);
    clock = pauseClock(clock, 61_000);
    expect(elapsedMs(clock, 300_000)).toBe(60_000);
    clock = resumeClock(clock, 300_000);
    expect(elapsedMs(clock, 305_000)).toBe(65_000);
  });

  test('pausing or resuming twice changes nothing', () => {
    const paused = pauseClock(startClock(0), 10);
    expect(pauseClock(paused, 99)).toBe(paused);
    const running = startClock(0);
    expect(resumeClock(running, 99)).toBe(running);
  });

  test('reset goes back to zero and keeps running or paused', () => {
    expect(elapsedMs(resetClock(startClock(0), 5_000), 7_000)).toBe(2_000);
    const paused = resetClock(pauseClock(startClock(0), 5_000), 6_000);
    expect(paused.running).toBe(false);
    expect(elapsedMs(paused, 9_000)).toBe(0);
  });

  test('parseClock accepts a stored clock and rejects anything else', () => {
    expect(parseClock(JSON.parse(JSON.stringify(startClock(5))))).toEqual(startClock(5));
    expect(parseClock({ running: 'yes', since: 0, carried: 0 })).toBeNull();
    expect(parseClock({ running: true, since: 0, carried: -1 })).toBeNull();
    expect(parseClock(null)).toBeNull();
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '00:00'],
    [65.9, '01:05'],
    [600, '10:00'],
    [3_725, '1:02:05'],
    [-75, '-01:15'],
  ])('%s seconds reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
