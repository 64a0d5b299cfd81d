import { describe, expect, test } from 'vitest';
import {
  autospaces,
  breakUnits,
  measureText,
  wrapBalanced,
  wrapGreedy,
} from '../../../src/node/diagram/measure.js';

const REGULAR = { size: 24, bold: false };
const BOLD = { size: 28, bold: true };

describe('measureText (the deck font, Source Han Sans SC)', () => {
  test('a Han character is one em wide, in either weight', () => {
    expect(measureText('模', REGULAR)).toBeCloseTo(24);
    expect(measureText('大模型', BOLD)).toBeCloseTo(84);
  });

  test('Latin is proportional, bold is wider than regular', () => {
    const regular = measureText('GPT', REGULAR);
    expect(regular).toBeGreaterThan(24);
    expect(regular).toBeLessThan(72);
    expect(measureText('GPT', { size: 24, bold: true })).toBeGreaterThan(regular);
  });

  test('scales with the size', () => {
    expect(measureText('API 调用', { size: 48, bold: false })).toBeCloseTo(
      2 * measureText('API 调用', REGULAR),
    );
  });

  test('adds the browser autospace (1/8 em) between Han and Latin letters or digits', () => {
    expect(autospaces('调用大模型API')).toBe(1);
    expect(autospaces('GPT-3.5底座')).toBe(1);
    expect(autospaces('「新Linux」')).toBe(1);
    expect(autospaces('数据、算力')).toBe(0);
    const joined = measureText('模A', REGULAR);
    expect(joined).toBeCloseTo(measureText('模', REGULAR) + measureText('A', REGULAR) + 3, 0);
  });
});

describe('line breaking', () => {
  test('a Latin word, and a Han character, are each one piece', () => {
    expect(breakUnits('调用 GPT-3.5 底座').map((u) => u.text)).toEqual(['调', '用', 'GPT-3.5', '底', '座']);
  });

  test('closing punctuation sticks to what it closes, opening punctuation to what it opens', () => {
    expect(breakUnits('「新Linux」生态，开源').map((u) => u.text)).toEqual([
      '「新',
      'Linux」',
      '生',
      '态，',
      '开',
      '源',
    ]);
  });

  test('greedy breaking never puts more on a line than fits', () => {
    const lines = wrapGreedy('既做APP，又炼小模型，重复造小模型', 24 * 6, REGULAR, measureText);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, REGULAR)).toBeLessThanOrEqual(24 * 6);
    expect(lines.join('')).toBe('既做APP，又炼小模型，重复造小模型');
  });

  test('balanced breaking breaks between phrases, after 、or ，, when that costs no extra line', () => {
    expect(wrapBalanced('海量语料、海量会话、海量用户', 300, REGULAR, measureText)).toEqual([
      '海量语料、',
      '海量会话、海量用户',
    ]);
    expect(
      wrapBalanced('边际成本趋零，生产力提升百倍甚至千倍', 440, { size: 26, bold: false }, measureText),
    ).toEqual(['边际成本趋零，', '生产力提升百倍甚至千倍']);
  });

  test('without a phrase break, balanced lines are even, not a full line and a leftover', () => {
    const lines = wrapBalanced('后台：云端管理调度计算资源', 264, REGULAR, measureText);
    expect(lines).toEqual(['后台：云端管理', '调度计算资源']);
  });

  test('a space is a break, dropped at the end of a line', () => {
    expect(wrapBalanced('调用大模型 API', 150, BOLD, measureText)).toEqual(['调用大模型', 'API']);
  });

  test('a line break in the text is kept', () => {
    expect(wrapBalanced('第一行\n第二行', 1000, REGULAR, measureText)).toEqual(['第一行', '第二行']);
  });
});
