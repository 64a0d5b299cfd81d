import { describe, expect, test } from 'vitest';
import { attributeTexts, plainText, textRuns } from '../../../src/node/markdown/html-text.js';

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

  test('ignores a stray closing tag, as a browser does', () => {
    expect(textRuns('<p>一</span>二</p><p>三</p>').map((r) => [r.text, r.ancestors.length])).toEqual([
      ['一二', 1],
      ['三', 1],
    ]);
  });
});

describe('plainText', () => {
  test('drops tags and MathML, decodes entities and folds white space', () => {
    expect(plainText('<p>甲 &amp; 乙\n<math><mi>x</mi></math><b>丙</b> &#60;丁&#62;</p>')).toBe(
      '甲 & 乙 丙 <丁>',
    );
  });
});

describe('attributeTexts', () => {
  test('gives the named attributes, decoded, in any quoting', () => {
    const html = `<img alt="图&amp;表" src="a.svg"><svg aria-label='成本 &#x4E00;'></svg><p title="不要">x</p>`;
    expect(attributeTexts(html, ['alt', 'aria-label'])).toEqual(['图&表', '成本 一']);
  });
});

describe('entities the font must cover', () => {
  test('named entities beyond the basic five are decoded', () => {
    // A no-break space folds into an ordinary space, like all white space in plain text.
    expect(plainText('<p>&copy; 2023&hellip;&nbsp;完</p>')).toBe('© 2023… 完');
  });
});
