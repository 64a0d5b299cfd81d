import { describe, expect, test } from 'vitest';
import { textRuns } from '../../../src/node/markdown/html-text.js';

describe('textRuns', () => {
  test('gives each text node with its ancestors, outermost first', () => {
    const runs = textRuns('<h2 class="a b">标题 <strong>重点</strong></h2><p>正文</p>');
    expect(runs.map((r) => r.text)).toEqual(['标题 ', '重点', '正文']);
    expect(runs[1]!.ancestors).toEqual([
      { tag: 'h2', classes: ['a', 'b'] },
      { tag: 'strong', classes: [] },
    ]);
    expect(runs[2]!.ancestors.map((e) => e.tag)).toEqual(['p']);
  });

  test('decodes entities and skips blank text, comments and void elements', () => {
    const runs = textRuns('<p>A&amp;B &#24378;&#x5927;<br><img alt="图"><!-- 注释 --></p>\n  <p>x</p>');
    expect(runs.map((r) => r.text)).toEqual(['A&B 强大', 'x']);
    expect(runs[1]!.ancestors.map((e) => e.tag)).toEqual(['p']);
  });

  test('understands self-closing SVG elements and single-quoted classes', () => {
    const runs = textRuns(`<svg><rect class="bar"/><text class='chart-value'>50美金</text></svg>`);
    expect(runs).toEqual([
      {
        text: '50美金',
        ancestors: [
          { tag: 'svg', classes: [] },
          { tag: 'text', classes: ['chart-value'] },
        ],
      },
    ]);
  });

  test('survives a stray closing tag', () => {
    expect(textRuns('<p>一</span>二</p><p>三</p>').map((r) => [r.text, r.ancestors.length])).toEqual([
      ['一', 1],
      ['二', 1],
      ['三', 1],
    ]);
  });
});
