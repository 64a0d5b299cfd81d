import { describe, expect, test } from 'vitest';
import { pointerFromClient, pointerToClient } from '../../../src/client/ui/pointer-geometry.js';

// A phone preview: the 16:9 slide letterboxed at (16, 200), 358 × 201.375 px.
const PREVIEW = { left: 16, top: 200, width: 358, height: 201.375 };
// An audience screen: the slide scaled to 1600 × 900 and centred in a 1920 × 1080 window.
const SCREEN = { left: 160, top: 90, width: 1600, height: 900 };

describe('laser pointer geometry', () => {
  test('a touch maps to fractions of the slide frame, not of the screen', () => {
    expect(pointerFromClient(PREVIEW, 16, 200)).toEqual({ x: 0, y: 0 });
    expect(pointerFromClient(PREVIEW, 16 + 179, 200 + 201.375 / 2)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointerFromClient(PREVIEW, 374, 401.375)).toEqual({ x: 1, y: 1 });
  });

  test('the same fractions land on the same place of a slide of any size', () => {
    const at = pointerFromClient(PREVIEW, 16 + 0.25 * 358, 200 + 0.6 * 201.375);
    const point = pointerToClient(SCREEN, at);
    expect(point.x).toBeCloseTo(160 + 0.25 * 1600, 6);
    expect(point.y).toBeCloseTo(90 + 0.6 * 900, 6);
  });

  test('a finger that slides off the preview is held at its edge', () => {
    expect(pointerFromClient(PREVIEW, -50, 1000)).toEqual({ x: 0, y: 1 });
    expect(pointerFromClient(PREVIEW, 900, 100)).toEqual({ x: 1, y: 0 });
  });

  test('an empty frame or a non-number never gives a position outside the slide', () => {
    expect(pointerFromClient({ left: 0, top: 0, width: 0, height: 0 }, 10, 10)).toEqual({ x: 0, y: 0 });
    expect(pointerFromClient(PREVIEW, Number.NaN, 300)).toEqual({
      x: 0,
      y: expect.closeTo(100 / 201.375, 6),
    });
  });
});
