import { describe, expect, test } from 'vitest';
import { splitSlides } from '../../../src/node/markdown/split-slides.js';

const FILE = 'slides/x.md';
const split = (lines: string[]) => splitSlides(lines.join('\n'), FILE);

describe('splitSlides', () => {
  test('never splits on a --- inside a ``` fence, a ~~~ fence or an HTML comment', () => {
    const { slides, diagnostics } = split([
      '# 一', //         1
      '```yaml', //      2
      '---', //          3
      'key: value', //   4
      '```', //          5
      '~~~', //          6
      '---', //          7
      '~~~', //          8
      '<!--', //         9
      '---', //          10
      '-->', //          11
      '---', //          12: the only separator
      '# 二', //         13
    ]);
    expect(diagnostics).toEqual([]);
    expect(slides.map((s) => s.line)).toEqual([1, 12]);
    expect(slides[0]!.body.split('\n')).toHaveLength(11);
    expect(slides[1]!.body).toBe('# 二');
  });

  test('a fence closes only on its own marker: a ``` line inside a ~~~ fence does not end it', () => {
    const { slides } = split(['~~~', '```', '---', '~~~', '---', '# 二']);
    expect(slides.map((s) => s.line)).toEqual([1, 5]);
  });

  test('a file without a leading --- starts its first slide at line 1, without front matter', () => {
    const { slides } = split(['# 一', '', '---', '', '# 二']);
    expect(slides).toMatchObject([
      { line: 1, bodyLine: 1, frontMatter: null, body: '# 一\n' },
      { line: 3, bodyLine: 4, frontMatter: null, body: '\n# 二' },
    ]);
  });

  test('front matter only when --- is followed directly by a key: line', () => {
    const { slides, diagnostics } = split([
      '---', //            1
      'id: one', //        2
      'class: title', //   3
      '---', //            4
      '# 一', //           5
      '---', //            6
      '', //               7: a blank line first: not front matter
      'id: two', //        8
      '---', //            9
      '# 三', //           10
    ]);
    expect(diagnostics).toEqual([]);
    expect(slides).toHaveLength(3);
    expect(slides[0]).toMatchObject({
      line: 1,
      frontMatter: { text: 'id: one\nclass: title', line: 2 },
      body: '# 一',
      bodyLine: 5,
    });
    expect(slides[1]).toMatchObject({ line: 6, frontMatter: null, body: '\nid: two', bodyLine: 7 });
    expect(slides[2]).toMatchObject({ line: 9, frontMatter: null, body: '# 三', bodyLine: 10 });
  });

  test('--- followed by a # heading is a separator, not front matter', () => {
    const { slides, diagnostics } = split(['# 一', '---', '# 二', '正文', '---', '## 三']);
    expect(diagnostics).toEqual([]);
    expect(slides).toMatchObject([
      { line: 1, frontMatter: null, body: '# 一' },
      { line: 2, frontMatter: null, body: '# 二\n正文', bodyLine: 3 },
      { line: 5, frontMatter: null, body: '## 三', bodyLine: 6 },
    ]);
  });

  test('--- followed by a bare https:// link is a separator, not front matter', () => {
    const { slides, diagnostics } = split(['# 一', '---', 'https://www.baai.ac.cn', '', '# 二']);
    expect(diagnostics).toEqual([]);
    expect(slides[1]).toMatchObject({
      line: 2,
      frontMatter: null,
      body: 'https://www.baai.ac.cn\n\n# 二',
      bodyLine: 3,
    });
  });

  test('keeps the line of every slide and of its body across front matter and blank lines', () => {
    const { slides } = split([
      '---', //          1
      'id: a', //        2
      '---', //          3
      '', //             4
      '# A', //          5
      '', //             6
      '---', //          7
      'id: b', //        8
      'timing: 30', //   9
      '---', //          10
      '## B', //         11
      '---', //          12
      '## C', //         13
    ]);
    expect(slides.map((s) => [s.line, s.frontMatter?.line ?? null, s.bodyLine])).toEqual([
      [1, 2, 4],
      [7, 8, 11],
      [12, null, 13],
    ]);
    expect(slides.every((s) => s.file === FILE)).toBe(true);
  });

  test('reads CRLF input with the same slides and lines as LF', () => {
    const lines = ['---', 'id: a', '---', '# A', '```', '---', '```', '---', '# B'];
    const lf = split(lines);
    const crlf = splitSlides(lines.join('\r\n'), FILE);
    expect(crlf).toEqual(lf);
    expect(crlf.slides.map((s) => s.line)).toEqual([1, 8]);
    expect(crlf.slides.some((s) => s.body.includes('\r'))).toBe(false);
  });

  test('a byte-order mark before the first --- does not hide the front matter', () => {
    const { slides } = splitSlides('\uFEFF---\nid: a\n---\n# A', FILE);
    expect(slides).toMatchObject([
      { line: 1, frontMatter: { text: 'id: a', line: 2 }, body: '# A', bodyLine: 4 },
    ]);
  });

  test('reports an unclosed fence at the fence line, on its own slide, and still splits the slides after it', () => {
    const { slides, diagnostics } = split([
      '# 一', //          1
      '---', //           2
      '## 二', //         3
      '', //              4
      '```js', //         5: never closed
      'let x = 1;', //    6
      '---', //           7
      '## 三', //         8
    ]);
    expect(diagnostics).toEqual([]);
    expect(slides.map((s) => s.line)).toEqual([1, 2, 7]);
    expect(slides[1]!.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unclosed-fence',
        file: FILE,
        line: 5,
        message: expect.stringContaining('never closed'),
      },
    ]);
    expect(slides[0]!.diagnostics).toEqual([]);
    expect(slides[2]!.diagnostics).toEqual([]);
  });

  test('reports an unclosed HTML comment at its line', () => {
    const { slides } = split(['# 一', '', '<!-- 提示', '---', '# 二']);
    expect(slides.map((s) => s.line)).toEqual([1, 4]);
    expect(slides[0]!.diagnostics).toMatchObject([{ code: 'unclosed-comment', line: 3 }]);
  });

  test('a comment opened and closed on one line does not hide the next separator', () => {
    const { slides } = split(['# 一 <!-- 注 -->', '---', '# 二']);
    expect(slides.map((s) => s.line)).toEqual([1, 2]);
  });

  test('reports an empty slide between two separators at the first of them', () => {
    const { slides, diagnostics } = split(['# 一', '', '---', '', '---', '# 二']);
    expect(slides.map((s) => s.line)).toEqual([1, 5]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'empty-slide',
        file: FILE,
        line: 3,
        message: expect.stringContaining('empty slide'),
      },
    ]);
  });

  test('a trailing --- at the end of the file is not an empty slide', () => {
    const { slides, diagnostics } = split(['# 一', '---', '# 二', '---', '', '']);
    expect(diagnostics).toEqual([]);
    expect(slides.map((s) => s.body)).toEqual(['# 一', '# 二']);
  });

  test('blank lines before the first --- are not a slide', () => {
    const { slides, diagnostics } = split(['', '', '---', 'id: a', '---', '# A']);
    expect(diagnostics).toEqual([]);
    expect(slides).toMatchObject([{ line: 3, frontMatter: { line: 4 }, bodyLine: 6 }]);
  });

  test('front matter never closed is reported at its --- on that slide', () => {
    const { slides, diagnostics } = split(['# 一', '---', 'id: b', '## 二']);
    expect(diagnostics).toEqual([]);
    expect(slides[1]).toMatchObject({ line: 2, frontMatter: { text: 'id: b\n## 二', line: 3 } });
    expect(slides[1]!.diagnostics).toMatchObject([
      { code: 'front-matter', line: 2, message: expect.stringContaining('never closed') },
    ]);
  });
});
