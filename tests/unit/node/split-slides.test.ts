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

  test('front matter is a block of key: value lines with an allowed key, closed by ---', () => {
    const { slides, diagnostics } = split([
      '---', //            1
      'id: one', //        2
      'class: title', //   3
      '---', //            4
      '# 一', //           5
      '---', //            6
      '', //               7: a blank line first
      '# 设置', //         8: and a YAML comment
      'id: two', //        9
      '---', //            10
      '# 三', //           11
    ]);
    expect(diagnostics).toEqual([]);
    expect(slides).toHaveLength(2);
    expect(slides[0]).toMatchObject({
      line: 1,
      frontMatter: { text: 'id: one\nclass: title', line: 2 },
      body: '# 一',
      bodyLine: 5,
    });
    expect(slides[1]).toMatchObject({
      line: 6,
      frontMatter: { text: '\n# 设置\nid: two', line: 7 },
      body: '# 三',
      bodyLine: 11,
    });
    expect(slides.flatMap((s) => s.diagnostics)).toEqual([]);
  });

  test.each([
    ['id:two', 'no space after the colon'],
    ['id：two', 'a full-width colon'],
    ['  id: two', 'an indented key'],
    ['ID: two', 'a key in capitals'],
    ['timming: 30', 'a misspelt key with a value it may have'],
  ])('`%s` (%s) still opens front matter, for the parser to say what was meant', (line) => {
    const { slides } = split(['# 一', '---', line, 'class: content', '---', '## 二']);
    expect(slides.map((s) => [s.line, s.frontMatter?.text, s.body])).toEqual([
      [1, undefined, '# 一'],
      [2, `${line}\nclass: content`, '## 二'],
    ]);
  });

  test('Q: and A: lines (no allowed key) are a slide, whether a --- follows or not', () => {
    const { slides, diagnostics } = split(['# 一', '---', 'Q: 为什么？', 'A: 因为。', '---', 'Q: 还有吗？']);
    expect(diagnostics).toEqual([]);
    expect(slides.map((s) => [s.line, s.frontMatter, s.body])).toEqual([
      [1, null, '# 一'],
      [2, null, 'Q: 为什么？\nA: 因为。'],
      [5, null, 'Q: 还有吗？'],
    ]);
    expect(slides.flatMap((s) => s.diagnostics)).toEqual([]);
  });

  test('Background: as text is a slide: a near-miss key counts only with a value it may have', () => {
    const { slides } = split(['# 一', '---', 'Background: 2022 年底，ChatGPT 发布。', '---', '## 三']);
    expect(slides.map((s) => s.frontMatter)).toEqual([null, null, null]);
  });

  test('a Note: line ends front matter never closed: it starts the notes, it is no key', () => {
    const { slides } = split(['---', 'id: a', 'Note:', '秘密', 'class: title', '---', '# 二']);
    expect(slides[0]).toMatchObject({ frontMatter: { text: 'id: a' }, body: 'Note:\n秘密\nclass: title' });
    expect(slides[0]!.diagnostics).toMatchObject([{ code: 'front-matter', line: 1 }]);
  });

  test('keys and a --- at the top of a file, without a --- above them, are front matter missing its opening line', () => {
    const { slides } = split(['id: one', 'class: title', '---', '# 一']);
    expect(slides).toMatchObject([
      { line: 1, frontMatter: { text: 'id: one\nclass: title', line: 1 }, body: '# 一', bodyLine: 4 },
    ]);
    expect(slides[0]!.diagnostics).toMatchObject([
      { code: 'front-matter', line: 1, message: expect.stringContaining('needs a --- line above it') },
    ]);
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

  test('front matter never closed is reported at its --- on that slide; the slide keeps its content', () => {
    const { slides, diagnostics } = split([
      '# 一',
      '---',
      'id: b',
      'timing: 30',
      '',
      '## 二',
      '正文',
      '---',
      '# 三',
    ]);
    expect(diagnostics).toEqual([]);
    expect(slides.map((s) => s.line)).toEqual([1, 2, 8]);
    expect(slides[1]).toMatchObject({
      line: 2,
      frontMatter: { text: 'id: b\ntiming: 30', line: 3 },
      body: '\n## 二\n正文',
      bodyLine: 5,
    });
    expect(slides[1]!.diagnostics).toMatchObject([
      {
        code: 'front-matter',
        line: 2,
        message: 'front matter opened here is never closed (add a --- line after its last key, line 4)',
      },
    ]);
  });

  test('front matter never closed at the end of the file', () => {
    const { slides } = split(['# 一', '---', 'id: b']);
    expect(slides[1]).toMatchObject({ frontMatter: { text: 'id: b' }, body: '' });
    expect(slides[1]!.diagnostics).toMatchObject([{ code: 'front-matter', line: 2 }]);
  });

  test('a ```a``` line is inline code, not a fence: the --- after it splits', () => {
    const { slides } = split(['# 一', '```a```', '---', '# 二']);
    expect(slides.map((s) => s.line)).toEqual([1, 3]);
  });

  test('a <!-- later in a line is no comment block: the --- after it splits, as marked renders it', () => {
    const { slides } = split(['# 一', '正文 <!-- 提示', '', '---', '# 二', '<!-->', '---', '# 三']);
    expect(slides.map((s) => s.line)).toEqual([1, 4, 7]);
  });

  test('a thousand comments never closed: the first 50 are reported, in bounded time (found by the property tests)', () => {
    const started = Date.now();
    const { slides } = split(Array.from({ length: 1000 }, () => '<!--\n---'));
    expect(Date.now() - started).toBeLessThan(1000);
    const reported = slides.flatMap((s) => s.diagnostics);
    expect(reported).toHaveLength(50);
    expect(reported.every((d) => d.code === 'unclosed-comment')).toBe(true);
    expect(slides).toHaveLength(50);
  });

  test('a fence never closed is recorded as plain text of its slide body', () => {
    const { slides } = split(['# 一', '---', '## 二', '```js', 'Note:', '---', '# 三']);
    expect(slides[1]).toMatchObject({ bodyLine: 3, plainLines: [1] });
    expect(slides[2]!.plainLines).toEqual([]);
  });
});
