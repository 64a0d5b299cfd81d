import { describe, expect, test } from 'vitest';
import {
  MAX_NESTING,
  MAX_WORD_CHARS,
  formatBytes,
  largestTexSize,
  nestingDepth,
  unbrokenRun,
} from '../../../src/node/markdown/limits.js';

describe('nestingDepth', () => {
  test.each([
    ['正文', 0],
    ['- 一', 1],
    ['  - 二', 2],
    ['    - 三', 3],
    ['> 引用', 1],
    ['>>> 三层', 3],
    ['> > - 1. 四层', 4],
    ['- - - 三层', 3],
    ['\t- 二', 3],
    ['1.5 亿', 0],
    ['---', 0],
  ])('`%s` is %d deep', (line, depth) => {
    expect(nestingDepth(line)).toBe(depth);
  });

  test('stops counting past the limit, so a line of 5,000 > costs nothing', () => {
    expect(nestingDepth('>'.repeat(5000))).toBe(MAX_NESTING + 1);
  });
});

describe('unbrokenRun', () => {
  test('finds a run of Latin letters, digits or URL characters longer than the limit', () => {
    const url = `https://example.com/${'a'.repeat(MAX_WORD_CHARS)}`;
    expect(unbrokenRun(`见 ${url} 一文`)).toBe(url);
    expect(unbrokenRun('x'.repeat(MAX_WORD_CHARS))).toBeNull();
  });

  test('Chinese text wraps anywhere, and so do words with spaces between them', () => {
    expect(unbrokenRun('大模型'.repeat(200))).toBeNull();
    expect(unbrokenRun('word '.repeat(200))).toBeNull();
    expect(unbrokenRun(`${'a'.repeat(50)}中${'b'.repeat(50)}`)).toBeNull();
  });
});

describe('largestTexSize', () => {
  test('reads sizes in any TeX unit, as em', () => {
    expect(largestTexSize('\\rule{1000em}{1000em}')).toEqual({ em: 1000, written: '1000em' });
    expect(largestTexSize('\\kern 10pt \\hspace{2.5 cm}')!.written).toBe('2.5cm');
    expect(largestTexSize('\\hspace{2.5 cm}')!.em).toBeCloseTo(7.11, 1);
    expect(largestTexSize('x^2 + \\frac{1}{2}')).toBeNull();
  });
});

test('formatBytes', () => {
  expect([formatBytes(2 * 1024 * 1024), formatBytes(32 * 1024), formatBytes(100)]).toEqual([
    '2.0 MB',
    '32 KB',
    '1 KB',
  ]);
});
