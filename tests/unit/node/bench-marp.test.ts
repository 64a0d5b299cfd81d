import { describe, expect, test } from 'vitest';
import { firstHeading, toMarpMarkdown, toMarpSlide } from '../../../src/node/commands/bench-marp.js';

const keep = () => null;

describe('toMarpSlide', () => {
  test('keeps headings, lists and math, and turns Note: into an HTML comment (Marp presenter notes)', () => {
    const body = ['## 标题', '', '- 一', '- 二', '', '$$a+b$$', '', 'Note:', '讲稿第一行', '第二行'].join(
      '\n',
    );
    expect(toMarpSlide(body, keep)).toBe(
      ['## 标题', '', '- 一', '- 二', '', '$$a+b$$', '', '<!--', '讲稿第一行', '第二行', '-->'].join('\n'),
    );
  });

  test('drops our diagram and chart fences but keeps other code', () => {
    const body = ['# T', '', '```diagram', 'kind: cycle', '```', '', '```js', 'let a = 1;', '```'].join('\n');
    expect(toMarpSlide(body, keep)).toBe(['# T', '', '```js', 'let a = 1;', '```'].join('\n'));
  });

  test('strips HTML tags, keeping their text, and relinks images', () => {
    const body = [
      '<div class="figures">',
      '<figure>',
      '',
      '![图](../assets/art/a.svg)',
      '',
      '<figcaption>说明</figcaption>',
      '</figure>',
      '</div>',
    ].join('\n');
    expect(toMarpSlide(body, (href) => `images/${href.split('/').pop()}`)).toBe(
      ['![图](images/a.svg)', '', '说明'].join('\n'),
    );
  });

  test('a --> inside the notes cannot end the comment early', () => {
    expect(toMarpSlide('# T\n\nNote:\na --> b', keep)).toBe('# T\n\n<!--\na —> b\n-->');
  });
});

describe('toMarpMarkdown', () => {
  test('global directives, then the slides separated by ---', () => {
    expect(toMarpMarkdown([{ body: '# A' }, { body: '## B' }], { title: 'T', lang: 'zh-CN' }, keep)).toBe(
      '---\nmarp: true\ntitle: "T"\nlang: zh-CN\nsize: 16:9\n---\n\n# A\n\n---\n\n## B\n',
    );
  });
});

describe('firstHeading', () => {
  test('the first h1 or h2, emphasis marks removed', () => {
    expect(firstHeading('text\n\n### h3\n\n## **大模型** 机会 ##\n\n# later')).toBe('大模型 机会');
    expect(firstHeading('no heading')).toBeNull();
  });
});
