// The parts of subset-font.ts that decide which glyphs go in which file (bold, first view, rest).
import { describe, expect, test } from 'vitest';
import { boldText, remainingCharacters, unicodeRange } from '../../../src/node/font/subset-font.js';

describe('boldText', () => {
  test('takes headings, strong, b, th and chart values, nothing else', () => {
    const html =
      '<h2>标题</h2><p>正文<strong>重点</strong>和<b>粗</b><em>斜</em></p>' +
      '<table><tr><th>表头</th><td>格</td></tr></table>' +
      '<svg><text class="chart-label">标签</text><text class="chart-value">数值</text></svg>';
    expect(boldText(html)).toBe('标题重点粗表头数值');
  });

  test('text nested inside a bold element is bold', () => {
    expect(boldText('<h1><span lang="en">GPT</span>：奇点</h1>')).toBe('GPT：奇点');
  });
});

describe('remainingCharacters', () => {
  test('keeps what the first part does not have, in order', () => {
    expect(remainingCharacters('abc大模型', 'b模')).toBe('ac大型');
  });
});

describe('unicodeRange', () => {
  test('folds consecutive code points into ranges', () => {
    expect(unicodeRange('ABCE大')).toBe('U+41-43, U+45, U+5927');
  });

  test('sorts, removes duplicates and keeps astral characters whole', () => {
    expect(unicodeRange('𠀀BAB')).toBe('U+41-42, U+20000');
  });
});
