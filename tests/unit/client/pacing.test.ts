import { describe, expect, test } from 'vitest';
import {
  PACING_TOLERANCE,
  pacingAt,
  planFromDeck,
  planFromSeconds,
} from '../../../src/client/presenter/pacing.js';

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
    expect(planFromDeck([slide(), slide(), slide(), slide()], 2)).toEqual({
      seconds: [30, 30, 30, 30],
      total: 120,
      source: 'duration',
    });
  });

  test('falls back to two minutes a slide without duration or timings', () => {
    expect(planFromDeck([slide(), slide()])).toEqual({ seconds: [120, 120], total: 240, source: 'default' });
  });

  test('takes a slide’s `minutes` as its plan', () => {
    expect(planFromDeck([{ attributes: { minutes: 2 } }, slide(30)], 10).seconds.slice(0, 2)).toEqual([
      120, 30,
    ]);
  });

  test('a part’s `part-minutes` is shared by its untimed slides, up to the next part', () => {
    const plan = planFromDeck(
      [
        slide(60), // before any part: shares the rest of the talk with nothing else
        { attributes: { 'part-minutes': 5 } }, // part 1 opens: 300 s for 3 slides, one of them timed
        slide(100),
        slide(),
        { attributes: { 'part-minutes': 2 } }, // part 2: 120 s for 2 slides
        slide(),
      ],
      10,
    );
    expect(plan.seconds).toEqual([60, 100, 100, 100, 60, 60]);
    expect(plan.source).toBe('slides');
  });

  test('untimed slides outside every part share what the parts leave of the duration', () => {
    const plan = planFromDeck([slide(), { attributes: { 'part-minutes': 4 } }, slide(), slide()], 10);
    // 600 s in all; the part takes 240 s (80 s a slide), the one slide before it gets the other 360 s.
    expect(plan.seconds).toEqual([360, 80, 80, 80]);
    expect(plan.total).toBe(600);
  });
});

describe('pacingAt', () => {
  const plan = planFromSeconds([60, 120, 60]);

  test('is on track inside the current slide’s planned window', () => {
    expect(pacingAt(plan, 1, 100)).toMatchObject({
      status: 'on-track',
      delta: 0,
      slideStart: 60,
      slideEnd: 180,
      slidePlanned: 120,
      remaining: 140,
    });
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
    expect(planFromSeconds([10, -5, Number.NaN, 20])).toEqual({
      seconds: [10, 0, 0, 20],
      total: 30,
      source: 'rehearsal',
    });
  });
});
