import { describe, expect, test } from 'vitest';
import { buildSlide } from '../../../src/node/markdown/build-slide.js';
import { splitSlides } from '../../../src/node/markdown/split-slides.js';

const FILE = 'slides/x.md';
const resolveImage = (href: string) =>
  href === 'art/ok.svg' ? { url: 'deck-asset:0' } : { problem: `image not found: ${href}` };

/** Splits `lines` and builds its slides, numbered from `first`. */
function build(lines: string[], first = 0) {
  const split = splitSlides(lines.join('\n'), FILE);
  expect(split.diagnostics).toEqual([]);
  return split.slides.map((raw, i) => buildSlide(raw, first + i, resolveImage));
}

describe('buildSlide', () => {
  test('builds a slide from front matter, Markdown and notes', () => {
    const [built] = build([
      '---', //                 1
      'id: openai-team', //     2
      'class: content', //      3
      'build: items', //        4
      'timing: 130', //         5
      '---', //                 6
      '', //                    7
      '## 强团队', //           8
      '', //                    9
      '- 核心三人', //          10
      '- 果断转向', //          11
      '', //                    12
      'Note:', //               13
      '核心是 **三个人**。', // 14
    ]);
    expect(built!.diagnostics).toEqual([]);
    expect(built!.slide).toEqual({
      index: 0,
      id: 'openai-team',
      title: '强团队',
      level: 2,
      html: '<h2>强团队</h2>\n<ul>\n<li class="fragment">核心三人</li>\n<li class="fragment">果断转向</li>\n</ul>\n',
      notesHtml: '<p>核心是 <strong>三个人</strong>。</p>\n',
      notesText: '核心是 三个人。',
      steps: 2,
      attributes: { id: 'openai-team', class: 'content', build: 'items', timing: 130 },
      source: { file: FILE, line: 1 },
    });
  });

  test('a slide without an id is called slide-N after its place in the deck', () => {
    const slides = build(['# 一', '---', '# 二'], 4);
    expect(slides.map((b) => b.slide.id)).toEqual(['slide-5', 'slide-6']);
    expect(slides.map((b) => b.slide.index)).toEqual([4, 5]);
  });

  test('a slide without notes has empty notes', () => {
    const [built] = build(['# 一']);
    expect(built!.slide).toMatchObject({ notesHtml: '', notesText: '', steps: 0 });
  });

  test('problems in the notes are reported at their file line', () => {
    const [, built] = build([
      '# 一', //                 1
      '---', //                  2
      '## 二', //                3
      '', //                     4
      'Note:', //                5
      '', //                     6
      '备注里的公式 $\\frac{$', // 7
      '![图](art/nope.svg)', //  8
    ]);
    expect(built!.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['math', 7],
      ['image', 8],
    ]);
    expect(built!.slide.broken).toBe(true);
  });

  test('inline notes after Note: are reported at the marker line', () => {
    const [built] = build(['# 一', 'Note: 公式 $\\frac{$']);
    expect(built!.diagnostics).toMatchObject([{ code: 'math', line: 2 }]);
  });

  test('a bad front-matter key breaks the slide but keeps the good keys', () => {
    const [built] = build(['---', 'id: good', 'transition: spin', '---', '# 一']);
    expect(built!.slide).toMatchObject({ id: 'good', attributes: { id: 'good' }, broken: true, title: '一' });
    expect(built!.diagnostics).toMatchObject([{ code: 'front-matter', file: FILE, line: 3 }]);
  });

  test('problems found while splitting break the slide they belong to', () => {
    const [, second] = build(['# 一', '---', '## 二', '```', '代码']);
    expect(second!.diagnostics).toMatchObject([{ code: 'unclosed-fence', line: 4 }]);
    expect(second!.slide.broken).toBe(true);
  });

  test.each([
    ['only front matter', ['---', 'id: lonely', '---', '']],
    ['only notes', ['---', 'id: lonely', '---', 'Note: 只有备注']],
  ])('a slide with %s is reported as empty at its first line', (_, lines) => {
    const [built] = build(lines);
    expect(built!.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'empty-slide',
        file: FILE,
        line: 1,
        message: 'slide has no content (only front matter or notes)',
      },
    ]);
    expect(built!.slide.broken).toBe(true);
  });

  test('a slide without problems is not marked broken', () => {
    const [built] = build(['# 一']);
    expect('broken' in built!.slide).toBe(false);
  });

  test.each([['Note：'], ['note:'], ['NOTE:'], ['Notes：']])(
    'notes after `%s` are notes, not slide text',
    (marker) => {
      const [built] = build(['## 标题', '', '正文', '', marker, '只给讲者看的话。']);
      expect(built!.diagnostics).toEqual([]);
      expect(built!.slide.html).toBe('<h2>标题</h2>\n<p>正文</p>\n');
      expect(built!.slide.notesText).toBe('只给讲者看的话。');
    },
  );

  test('an indented Note: keeps the notes off the slide and is reported at its line', () => {
    const [built] = build(['## 标题', '', '- 要点', '  Note: 只给讲者看的话。']);
    expect(built!.slide.html).not.toContain('只给讲者看');
    expect(built!.slide.notesText).toBe('只给讲者看的话。');
    expect(built!.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'notes',
        file: FILE,
        line: 4,
        message:
          'indented `Note:` line: remove the indentation to start the speaker notes here (slide text cannot start a line with `Note:`)',
      },
    ]);
  });

  test('a Note: after a fence never closed is a marker, as the splitter read the fence', () => {
    const [, second] = build(['# 一', '---', '## 二', '```', '代码', 'Note: 秘密']);
    expect(second!.slide.html).not.toContain('秘密');
    expect(second!.slide.notesText).toBe('秘密');
  });

  test('a slide over the size limit is not parsed at all, and is reported at its first line', () => {
    const started = Date.now();
    const [, built] = build(['# 一', '---', '## 二', '', 'x '.repeat(20_000)]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(built!.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-large',
        file: FILE,
        line: 2,
        message:
          'slide is 40 KB of Markdown (notes included), over the limit of 32 KB: split it into several slides',
      },
    ]);
    expect(built!.slide).toMatchObject({ html: '', broken: true });
  });

  test('a slide whose HTML would be over the limit (thousands of formulas) is reported, and its HTML left out', () => {
    const [built] = build(['## 公式', '', Array.from({ length: 3000 }, (_, i) => `$x_${i}$`).join(' ')]);
    expect(built!.diagnostics).toMatchObject([
      {
        code: 'too-large',
        line: 1,
        message: expect.stringMatching(
          /^slide renders to \d+(\.\d)? (KB|MB) of HTML \(notes included\), over the limit of 256 KB: split it/,
        ),
      },
    ]);
    expect(built!.slide).toMatchObject({ html: '', title: '公式', broken: true });
    // 3,000 KaTeX renders: about a second idle, five and more on a machine loaded as CI's is.
  }, 30_000);

  test('a heading swallowed by front matter without its closing --- is named', () => {
    const [built] = build(['---', 'id: part-two', 'class: divider', '# 第二部分', '---']);
    expect(built!.diagnostics).toMatchObject([
      {
        code: 'empty-slide',
        line: 1,
        message:
          'slide has no content: `# 第二部分` is read as a comment in the front matter (is a --- line missing below the keys?)',
      },
    ]);
  });
});
