import { describe, expect, test } from 'vitest';
import { SWIPE_MIN_PX, swipeAction } from '../../../src/client/phone/swipe.js';

describe('swipes on the phone’s notes', () => {
  test('leftward turns to the next step, rightward back, like a page', () => {
    expect(swipeAction({ x: 300, y: 400 }, { x: 100, y: 410 })).toBe('next');
    expect(swipeAction({ x: 100, y: 400 }, { x: 300, y: 390 })).toBe('previous');
  });

  test('a tap or a short wobble is not a swipe', () => {
    expect(swipeAction({ x: 200, y: 400 }, { x: 200, y: 400 })).toBeNull();
    expect(swipeAction({ x: 200, y: 400 }, { x: 200 - (SWIPE_MIN_PX - 1), y: 400 })).toBeNull();
    expect(swipeAction({ x: 200, y: 400 }, { x: 200 - SWIPE_MIN_PX, y: 400 })).toBe('next');
  });

  test('scrolling the notes, even a little sideways, is not a swipe', () => {
    expect(swipeAction({ x: 200, y: 600 }, { x: 180, y: 300 })).toBeNull();
    expect(swipeAction({ x: 300, y: 600 }, { x: 150, y: 500 })).toBeNull();
    expect(swipeAction({ x: 300, y: 600 }, { x: 150, y: 540 })).toBe('next');
  });
});
