import { describe, expect, test } from 'vitest';
import { firstStamp, isNewer, nextStamp } from '../../../src/client/sync/sync-register.js';

describe('sync stamps', () => {
  test('a later time wins; the window id breaks a tie', () => {
    expect(isNewer({ time: 2, by: 'a' }, { time: 1, by: 'z' })).toBe(true);
    expect(isNewer({ time: 2, by: 'b' }, { time: 2, by: 'a' })).toBe(true);
    expect(isNewer({ time: 2, by: 'a' }, { time: 2, by: 'a' })).toBe(false);
  });

  test('two windows that move at the same moment settle on the same winner', () => {
    const a = nextStamp({ time: 10, by: 'x' }, 10, 'a');
    const b = nextStamp({ time: 10, by: 'x' }, 10, 'b');
    // Each side compares the other's stamp with its own: exactly one of them takes the other's.
    expect(isNewer(a, b) !== isNewer(b, a)).toBe(true);
  });

  test('a new stamp is after everything seen, even with a clock behind', () => {
    expect(nextStamp({ time: 5000, by: 'x' }, 1000, 'a')).toEqual({ time: 5001, by: 'a' });
    expect(nextStamp({ time: 5, by: 'x' }, 1000.7, 'a')).toEqual({ time: 1000, by: 'a' });
  });

  test('any real change beats a window that has not moved; an untouched audience beats an untouched console', () => {
    const console_ = firstStamp('c', 'presenter');
    const audience = firstStamp('a', 'audience');
    expect(isNewer(audience, console_)).toBe(true);
    expect(isNewer(nextStamp(console_, Date.now(), 'c'), audience)).toBe(true);
  });
});
