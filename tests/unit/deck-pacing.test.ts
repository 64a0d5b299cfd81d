import { describe, expect, test } from 'vitest';
import { PACING_TOLERANCE, pacingAt, planFromDeck, planFromSeconds } from '../../src/deck/pacing.js';

const slide = (timing?: number) => ({ attributes: timing === undefined ? {} : { timing } });

describe('planFromDeck', () => {
  test('uses each slide’s timing from front matter', () => {
    const plan = planFromDeck([slide(60), slide(120), slide(30)], 30);
    expect(plan).toEqual({ seconds: [60, 120, 30], total: 210, source: 'slides' });
  });

  test('shares the rest of the duration among slides without a timing', () => {
    const plan = planFromDeck([slide(120), slide(), slide()], 10);
    expect(plan.seconds).toEqual([120, 240, 240]);
    expect(plan.total).toBe(600);
  });

  test('spreads the duration evenly when no slide has a timing', () => {
    expect(planFromDeck([slide(), slide(), slide(), slide()], 2)).toEqual({ seconds: [30, 30, 30, 30], total: 120, source: 'duration' });
  });

  test('falls back to two minutes a slide without duration or timings', () => {
    expect(planFromDeck([slide(), slide()])).toEqual({ seconds: [120, 120], total: 240, source: 'default' });
  });
});

describe('pacingAt', () => {
  const plan = planFromSeconds([60, 120, 60]);

  test('is on track inside the current slide’s planned window', () => {
    expect(pacingAt(plan, 1, 100)).toMatchObject({ status: 'on-track', delta: 0, slideStart: 60, slideEnd: 180, slidePlanned: 120, remaining: 140 });
  });

  test('is behind once the planned end of the current slide has passed', () => {
    expect(pacingAt(plan, 0, 100)).toMatchObject({ status: 'behind', delta: 40 });
  });

  test('is ahead when the slide comes before its planned start', () => {
    expect(pacingAt(plan, 2, 30)).toMatchObject({ status: 'ahead', delta: -150 });
  });

  test('a few seconds either way still count as on track', () => {
    expect(pacingAt(plan, 0, 60 + PACING_TOLERANCE).status).toBe('on-track');
    expect(pacingAt(plan, 0, 61 + PACING_TOLERANCE).status).toBe('behind');
  });

  test('remaining goes negative over time', () => {
    expect(pacingAt(plan, 2, 300).remaining).toBe(-60);
  });
});

describe('planFromSeconds', () => {
  test('ignores negative and non-numbers', () => {
    expect(planFromSeconds([10, -5, Number.NaN, 20])).toEqual({ seconds: [10, 0, 0, 20], total: 30, source: 'rehearsal' });
  });
});
