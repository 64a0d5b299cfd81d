import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ASSET_PREFIX, loadDeck } from '../../../src/node/markdown/load-deck.js';
import { BROKEN_DECKS, ROOT, deckFolder } from '../../fixtures/decks.js';
import { TALK_META, TALK_SLIDES, TALK_TITLES } from '../../fixtures/talk-outline.js';

const load = (name: string) => loadDeck(join(ROOT, deckFolder(name)), ROOT);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const PROBLEM_PANEL =
  '<div class="deck-error deck-problems" role="alert"><strong>This slide has problems</strong><ul>';

describe('loadDeck: the basic fixture', () => {
  const { deck, images, files } = load('basic');
  const at = (file: string, line: number) => ({ file: `${deckFolder('basic')}/${file}`, line });

  test('builds without a problem', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.filter((s) => s.broken)).toEqual([]);
  });

  test('reads deck.yaml', () => {
    expect(deck.meta).toEqual({
      title: '测试讲稿',
      author: '测试者',
      venue: '测试会场',
      lang: 'zh-CN',
      duration: 5,
    });
  });

  test('has the four slides of its two files, in file order, with their source lines', () => {
    expect(deck.slides.map((s) => [s.index, s.id, s.source])).toEqual([
      [0, 'intro', at('01-intro.md', 1)],
      [1, 'slide-2', at('01-intro.md', 15)],
      [2, 'steps', at('02-details.md', 1)],
      [3, 'chart', at('02-details.md', 16)],
    ]);
  });

  test('takes titles and levels from the first heading', () => {
    expect(deck.slides.map((s) => [s.title, s.level])).toEqual([
      ['测试讲稿', 1],
      ['展示公式', 2],
      ['分步展示', 2],
      ['图表与图片', 2],
    ]);
  });

  test('separates the notes, written after Note: or Notes:', () => {
    expect(deck.slides.map((s) => s.notesText)).toEqual([
      '开场白：先讲质能方程。',
      '积分的结果是三分之一。',
      '三步依次出现。',
      '对数刻度，每格十倍。',
    ]);
    for (const slide of deck.slides) expect(slide.html).not.toMatch(/Notes?:/);
  });

  test('counts the build steps: the three top-level items of the build: items slide', () => {
    expect(deck.slides.map((s) => s.steps)).toEqual([0, 0, 3, 0]);
  });

  test('keeps the front matter as attributes', () => {
    expect(deck.slides.map((s) => s.attributes)).toEqual([
      { id: 'intro', class: 'title', transition: 'fade', timing: 30 },
      {},
      { id: 'steps', build: 'items' },
      { id: 'chart', class: 'content', background: '#0f1a2e' },
    ]);
  });

  test('renders math, and does not split on the --- inside the code fence', () => {
    const [intro, formula] = deck.slides;
    expect(intro!.html).toContain('<span class="katex">');
    expect(formula!.html).toContain('<span class="katex-display">');
    expect(formula!.html).toContain('<pre><code class="language-yaml">---\nkey: ');
    for (const slide of deck.slides) expect(slide.html).not.toContain('$');
  });

  test('renders the chart and points the image at the one bundled asset', () => {
    const chart = deck.slides[3]!;
    expect(chart.html.match(/class="chart-bar"/g)).toHaveLength(2);
    expect(chart.html).toContain(`<img src="${ASSET_PREFIX}0" alt="示意图：三个圆">`);
    expect(images).toEqual([join(ROOT, deckFolder('basic'), 'figure.svg')]);
  });

  test('lists every file it read, for the dev server to watch', () => {
    const folder = join(ROOT, deckFolder('basic'));
    expect(files).toEqual(
      expect.arrayContaining(
        ['deck.yaml', '01-intro.md', '02-details.md', 'figure.svg'].map((f) => join(folder, f)),
      ),
    );
  });
});

describe.each(BROKEN_DECKS)(
  'loadDeck: the $name fixture',
  ({ name, problems, ids, brokenIndex, neverPrinted }) => {
    const { deck } = load(name);

    test('reports exactly its problem, with file, line and message', () => {
      expect(deck.diagnostics).toEqual(
        problems.map((p) => ({
          severity: 'error',
          code: p.code,
          file: `${deckFolder(name)}/${p.file}`,
          line: p.line,
          message: expect.stringContaining(p.message),
        })),
      );
    });

    test.skipIf(!neverPrinted)('never prints what it must not: a file’s content, the notes', () => {
      for (const text of neverPrinted ?? []) {
        for (const d of deck.diagnostics) expect(d.message).not.toContain(text);
        for (const slide of deck.slides) expect(slide.html).not.toContain(text);
      }
    });

    test('still builds the other slides, whole and not broken', () => {
      expect(deck.slides.map((s) => s.id)).toEqual(ids);
      const others = deck.slides.filter((s) => s.index !== brokenIndex);
      expect(others.length).toBeGreaterThanOrEqual(2);
      for (const slide of others) {
        expect(slide.broken).toBeUndefined();
        expect(slide.html).toMatch(/^<h[12]>第.页<\/h[12]>\n<p>这一页/);
        expect(slide.html).not.toContain('deck-error');
      }
    });

    test('shows the problems in place of the slide they belong to', () => {
      if (brokenIndex === null) {
        // An empty slide is no slide: there is nothing to mark.
        expect(deck.slides.some((s) => s.broken)).toBe(false);
        return;
      }
      const slide = deck.slides[brokenIndex]!;
      expect(slide.broken).toBe(true);
      expect(slide.html.startsWith(PROBLEM_PANEL)).toBe(true);
      for (const p of problems)
        expect(slide.html).toContain(`<code>${deckFolder(name)}/${p.file}:${p.line}</code>`);
    });
  },
);

describe('loadDeck: the talk in slides/', () => {
  const { deck, images } = loadDeck(join(ROOT, 'slides'), ROOT);

  const TITLES = TALK_TITLES;

  test('loads with zero diagnostics', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.filter((s) => s.broken)).toEqual([]);
  });

  // The browser and PDF tests expect what tests/fixtures/talk-outline.ts writes down: when the
  // slides change, this test says where the fixture must follow.
  test('is the talk the tests expect: ids, titles, levels, build steps and timings as in the fixture', () => {
    expect(
      deck.slides.map((s) => ({
        id: s.id,
        title: s.title,
        level: s.level,
        steps: s.steps,
        timing: s.attributes.timing,
      })),
    ).toEqual(
      TALK_SLIDES.map(({ id, title, level, steps, timing }) => ({ id, title, level, steps, timing })),
    );
  });

  test('its notes open with the words the fixture gives', () => {
    expect(deck.slides.map((s) => s.notesText.slice(0, TALK_SLIDES[s.index]?.notes.length))).toEqual(
      TALK_SLIDES.map((s) => s.notes),
    );
  });

  test('has the title, author and language of the fixture', () => {
    expect(deck.meta).toMatchObject(TALK_META);
  });

  test('has 16 slides with unique ids', () => {
    expect(deck.slides).toHaveLength(16);
    expect(new Set(deck.slides.map((s) => s.id)).size).toBe(16);
  });

  test('gives every slide speaker notes', () => {
    for (const slide of deck.slides) expect(slide.notesText.trim(), slide.id).not.toBe('');
  });

  test('follows the outline: its headings are the slide titles, in order', () => {
    expect(deck.slides.map((s) => s.title)).toEqual(TITLES);
    expect(deck.slides.filter((s) => s.level === 1).map((s) => s.title)).toEqual([
      TITLES[0],
      TITLES[1],
      TITLES[7],
      TITLES[10],
    ]);
  });

  test('typesets the formula and prints the chart figures as the source words them', () => {
    const formula = deck.slides.find((s) => s.id === 'chatgpt-turning-point')!;
    expect(formula.html).toContain('<span class="katex-display">');
    const chart = deck.slides.find((s) => s.id === 'openai-resources')!;
    expect(chart.html.match(/class="chart-bar"/g)).toHaveLength(4);
    for (const text of ['50美金', '超过千万美金', '数千万美金', '130亿'])
      expect(chart.html).toContain(`>${text}</text>`);
  });

  test('uses its two pieces of artwork', () => {
    expect(images).toEqual([join(ROOT, 'assets/art/hooked.svg'), join(ROOT, 'assets/art/thrive.svg')]);
  });
});

describe('loadDeck: a folder with problems outside the slides', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'deck-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return loadDeck(dir, dir).deck;
  };

  test('without deck.yaml: defaults, and the missing keys reported against deck.yaml', () => {
    const deck = folder({ 'a.md': '# 一' });
    expect(deck.meta.title).toBe('Untitled talk');
    expect(deck.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['deck-meta', 'deck.yaml', 1],
      ['deck-meta', 'deck.yaml', 1],
    ]);
    expect(deck.slides).toHaveLength(1);
  });

  test('without any .md file: a no-slides problem', () => {
    const deck = folder({ 'deck.yaml': 'title: 讲稿\nauthor: 讲者\n' });
    expect(deck.slides).toEqual([]);
    expect(deck.diagnostics).toMatchObject([
      { code: 'no-slides', message: 'no .md files in the slides folder' },
    ]);
  });

  test('an image path with a bare % is looked up as written, not a crash', () => {
    const deck = folder({
      'deck.yaml': 'title: 讲稿\nauthor: 讲者\n',
      'a.md': '# 一\n\n![增长 50%](50%.svg)\n\n![空格](a%20b.svg)',
      '50%.svg': SVG,
      'a b.svg': SVG,
    });
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides[0]!.html).toContain(`<img src="${ASSET_PREFIX}0" alt="增长 50%">`);
    expect(deck.slides[0]!.html).toContain(`<img src="${ASSET_PREFIX}1" alt="空格">`);
  });

  test('a remote or absolute image is refused', () => {
    const deck = folder({
      'deck.yaml': 'title: 讲稿\nauthor: 讲者\n',
      'a.md': '# 一\n\n![远程](https://example.com/a.png)\n\n![绝对](/etc/hostname)',
    });
    expect(deck.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['image', 3],
      ['image', 5],
    ]);
  });
});

describe('loadDeck: files it cannot read', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const META = 'title: 讲稿\nauthor: 讲者\n';
  /** A deck folder with a good slide file, plus `setUp` to add the bad one. */
  const folder = (setUp: (path: (name: string) => string) => void) => {
    dir = mkdtempSync(join(tmpdir(), 'deck-'));
    writeFileSync(join(dir, 'deck.yaml'), META);
    writeFileSync(join(dir, '01-good.md'), '# 一\n\n正文');
    setUp((name) => join(dir, name));
    return loadDeck(dir, dir).deck;
  };
  const problems = (deck: ReturnType<typeof folder>) =>
    deck.diagnostics.map((d) => [d.code, d.file, d.line, d.message]);

  test('a missing slides folder is one problem that names it and says what to do', () => {
    dir = mkdtempSync(join(tmpdir(), 'deck-'));
    const { deck } = loadDeck(join(dir, 'slides'), dir);
    expect(problems(deck)).toEqual([
      [
        'slides-folder',
        'slides',
        1,
        'the slides folder does not exist: create it with the talk’s .md files and deck.yaml (or point DECK_SLIDES at the folder that has them)',
      ],
    ]);
    expect(deck.slides).toEqual([]);
  });

  test.each([
    [
      'a folder named old.md',
      (path: (name: string) => string) => mkdirSync(path('02-old.md')),
      'file',
      1,
      'is a folder, not a file (rename it so its name does not end in .md)',
    ],
    [
      'a symbolic link loop',
      (path: (name: string) => string) => symlinkSync('02-loop.md', path('02-loop.md')),
      'file',
      1,
      'is a symbolic link that leads back to itself (replace it with the file it should point to)',
    ],
    [
      'a binary file named .md',
      (path: (name: string) => string) =>
        writeFileSync(
          path('02-photo.md'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]),
        ),
      'encoding',
      1,
      'not UTF-8 text (save it as UTF-8)',
    ],
    [
      'a GBK-encoded file',
      (path: (name: string) => string) =>
        writeFileSync(
          path('02-gbk.md'),
          Buffer.concat([Buffer.from('# 二\n\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3])]),
        ),
      'encoding',
      3,
      'not UTF-8 text (save it as UTF-8)',
    ],
  ])('%s is one problem at its file, and the other slides still build', (_, setUp, code, line, message) => {
    const deck = folder(setUp);
    expect(deck.diagnostics).toHaveLength(1);
    expect(deck.diagnostics[0]).toMatchObject({ code, line, message });
    expect(deck.diagnostics[0]!.file).toMatch(/^02-/);
    expect(deck.slides.map((s) => s.title)).toEqual(['一']);
  });

  test('a deck.yaml that is a folder is named, and the keys it lacks are not', () => {
    dir = mkdtempSync(join(tmpdir(), 'deck-'));
    mkdirSync(join(dir, 'deck.yaml'));
    writeFileSync(join(dir, 'a.md'), '# 一');
    expect(problems(loadDeck(dir, dir).deck)).toEqual([
      ['file', 'deck.yaml', 1, 'is a folder, not a file'],
      ['deck-meta', 'deck.yaml', 1, 'deck.yaml needs `title`'],
      ['deck-meta', 'deck.yaml', 1, 'deck.yaml needs `author`'],
    ]);
  });

  test('a file with hundreds of problems lists the first 50 and counts the rest', () => {
    const deck = folder((path) =>
      writeFileSync(path('02-bad.md'), Array.from({ length: 300 }, () => '$\\frac{$').join('\n\n')),
    );
    expect(deck.diagnostics).toHaveLength(51);
    expect(deck.diagnostics[50]).toMatchObject({
      code: 'more-problems',
      file: '02-bad.md',
      line: 101,
      message: 'and 250 more problem(s) in this file from here on (fix the ones above first)',
    });
  });

  test('images that are not pictures, or not in the project, are refused without printing them', () => {
    const deck = folder((path) => {
      writeFileSync(path('evil.js'), "alert('evil')");
      writeFileSync(path('fake.png'), 'root:x:0:0:secret');
      writeFileSync(
        path('02-images.md'),
        ['# 二', '![脚本](evil.js)', '![假图](fake.png)', '![外面](../../../../etc/passwd)'].join('\n\n'),
      );
    });
    expect(deck.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['image', 3],
      ['image', 5],
      ['image', 7],
    ]);
    expect(JSON.stringify(deck)).not.toMatch(/alert\('evil'\)|root:x/);
  });
});
