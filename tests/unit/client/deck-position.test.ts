import { describe, expect, test } from 'vitest';
import {
  clampPosition,
  fitsDeck,
  fragmentSteps,
  nextPosition,
  previousPosition,
  upcoming,
} from '../../../src/client/sync/deck-position.js';

// Slide 0: no steps; slide 1: three build steps; slide 2: none.
const STEPS = [0, 3, 0];

describe('nextPosition', () => {
  test('goes through every build step before the next slide', () => {
    const seen = [{ h: 0, f: -1 }];
    for (let i = 0; i < 5; i++) seen.push(nextPosition(STEPS, seen.at(-1)!));
    expect(seen).toEqual([
      { h: 0, f: -1 },
      { h: 1, f: -1 },
      { h: 1, f: 0 },
      { h: 1, f: 1 },
      { h: 1, f: 2 },
      { h: 2, f: -1 },
    ]);
  });

  test('stays put at the end of the deck', () => {
    expect(nextPosition(STEPS, { h: 2, f: -1 })).toEqual({ h: 2, f: -1 });
  });
});

describe('previousPosition', () => {
  test('hides build steps one by one, then shows the previous slide complete (as reveal.js does)', () => {
    expect(previousPosition(STEPS, { h: 1, f: 1 })).toEqual({ h: 1, f: 0 });
    expect(previousPosition(STEPS, { h: 1, f: 0 })).toEqual({ h: 1, f: -1 });
    expect(previousPosition(STEPS, { h: 2, f: -1 })).toEqual({ h: 1, f: 2 });
    expect(previousPosition(STEPS, { h: 1, f: -1 })).toEqual({ h: 0, f: -1 });
  });

  test('stays put at the start', () => {
    expect(previousPosition(STEPS, { h: 0, f: -1 })).toEqual({ h: 0, f: -1 });
  });
});

describe('upcoming', () => {
  test('names a build step on the same slide, or the next slide', () => {
    expect(upcoming(STEPS, { h: 1, f: 0 })).toEqual({ position: { h: 1, f: 1 }, kind: 'step' });
    expect(upcoming(STEPS, { h: 1, f: 2 })).toEqual({ position: { h: 2, f: -1 }, kind: 'slide' });
  });

  test('is null at the very end', () => {
    expect(upcoming(STEPS, { h: 2, f: -1 })).toBeNull();
  });
});

describe('clampPosition', () => {
  test('keeps slide and step inside the deck', () => {
    expect(clampPosition(STEPS, { h: 9, f: 4 })).toEqual({ h: 2, f: -1 });
    expect(clampPosition(STEPS, { h: 1, f: 9 })).toEqual({ h: 1, f: 2 });
    expect(clampPosition(STEPS, { h: -3, f: -7 })).toEqual({ h: 0, f: -1 });
    expect(clampPosition([], { h: 4, f: 2 })).toEqual({ h: 0, f: -1 });
  });
});

describe('fitsDeck', () => {
  test('accepts only slides and steps that exist', () => {
    expect(fitsDeck(STEPS, { h: 1, f: 2 })).toBe(true);
    expect(fitsDeck(STEPS, { h: 0, f: -1 })).toBe(true);
    expect(fitsDeck(STEPS, { h: 1, f: 3 })).toBe(false);
    expect(fitsDeck(STEPS, { h: 3, f: -1 })).toBe(false);
    expect(fitsDeck(STEPS, { h: 0, f: 0 })).toBe(false);
  });
});

describe('fragmentSteps', () => {
  test('without explicit indices each fragment is its own step, in document order', () => {
    expect(fragmentSteps([null, null, null])).toEqual([0, 1, 2]);
  });

  test('explicit indices come first, grouped and renumbered without gaps; the rest follow', () => {
    expect(fragmentSteps([null, 5, 2, 5, null])).toEqual([2, 1, 0, 1, 3]);
  });
});
