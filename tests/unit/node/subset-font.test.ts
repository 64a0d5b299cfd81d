// Only the fast parts: cutting the font itself is covered by the build. Which characters the font
// keeps, which it lacks, and which glyphs go in which file (bold, first view, rest).
import { describe, expect, test } from 'vitest';
import {
  boldText,
  fontCharacters,
  missingGlyphs,
  remainingCharacters,
  unicodeRange,
} from '../../../src/node/font/subset-font.js';

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('fontCharacters', () => {
  test('always keeps printable ASCII, even for no text', () => {
    expect([...fontCharacters('')]).toEqual(PRINTABLE_ASCII);
  });

  test('adds the text characters once each, sorted, without tabs or newlines', () => {
    const characters = fontCharacters('大模型\n模型\t大　模');
    expect(characters).toHaveLength(95 + 3);
    expect([...characters].sort().join('')).toBe(characters);
    for (const c of '大模型') expect(characters.split(c)).toHaveLength(2);
    expect(characters).not.toMatch(/[\t\n\u3000]/);
  });

  test('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect([...fontCharacters('𠀀')]).toContain('𠀀');
  });
});

describe('missingGlyphs', () => {
  test('is empty for Chinese the font covers', async () => {
    expect(await missingGlyphs('大模型发展机会与挑战「」，。')).toEqual([]);
  });

  test('lists a private-use character the font cannot draw', async () => {
    expect(await missingGlyphs('\uE000')).toEqual(['\uE000']);
    expect(await missingGlyphs('大\uE000模')).toEqual(['\uE000']);
  });
});

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
