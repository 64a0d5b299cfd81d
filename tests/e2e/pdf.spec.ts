// The exported PDFs, opened and read as a person (or their PDF reader) would: pages, text, fonts,
// outline, notes, document properties, and how a page looks next to the slide on screen. The
// export runs Chromium with system CJK fonts hidden (browserEnv), as the tests' own browser does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { exportPdf, openExportSession, serveBuiltDeck } from '../../src/node/commands/export-pdf.js';
import { buildDeck } from '../../src/node/cli/vite-build.js';
import { NO_CJK_FONTCONFIG } from '../../src/node/cli/chromium.js';
import {
  TALK_META,
  TALK_PDF_OUTLINE,
  TALK_SLIDES,
  TALK_STEP_PAGES,
  talkSlide,
  type OutlineEntry,
} from '../fixtures/talk-outline.js';
import { compact, openPdf, pageText } from './pdf-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = resolve(ROOT, process.env.DECK_DIST ?? 'dist');
const SLIDES = TALK_SLIDES;
/** List items in the talk (the diagrams carry the rest): 4+3+2+2 in part 1, 4+2 in part 2, 2+2+1 in part 3. */
const TALK_LIST_ITEMS = 22;
const HAN = /\p{Script=Han}/gu;
/** The deck font's PostScript name, as the PDF's font descriptors give it (after a subset tag). */
const DECK_FONT = /\+SourceHanSansSC-/;
/** Mean difference per colour channel (0-255) a printed page may have from the slide on screen. */
const PIXEL_TOLERANCE = 3;

interface Pdfs {
  slides: string;
  steps: string;
  handout: string;
}

// Each worker exports the three PDFs once, with one browser, and every test reads them.
const test = base.extend<object, { pdfs: Pdfs }>({
  pdfs: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-test-'));
      const pdfs = {
        slides: join(dir, 'slides.pdf'),
        steps: join(dir, 'steps.pdf'),
        handout: join(dir, 'handout.pdf'),
      };
      const session = await openExportSession(DIST);
      try {
        await Promise.all([
          exportPdf({ dist: DIST, kind: 'slides', out: pdfs.slides, session }),
          exportPdf({ dist: DIST, kind: 'slides', steps: true, out: pdfs.steps, session }),
          exportPdf({ dist: DIST, kind: 'handout', out: pdfs.handout, session }),
        ]);
      } finally {
        await session.close();
      }
      await use(pdfs);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** A slide as the audience view of the built deck has it: its list items and its notes, compacted. */
interface ShownSlide {
  id: string;
  items: string[];
  notes: string;
}

/**
 * Every slide's list items and notes, read from the built deck in the browser: the PDFs must
 * carry the text the screen shows and the notes the deck keeps (the notes open as the talk
 * fixture says; the deck spec checks the slides themselves against their screenshots).
 */
async function shownSlides(page: Page): Promise<ShownSlide[]> {
  await page.goto('./');
  await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
  const slides = await page.locator('.reveal .slides > section').evaluateAll((sections) =>
    sections.map((section) => ({
      id: section.id,
      items: [...section.querySelectorAll('.slide-frame li')].map((li) => li.textContent ?? ''),
      notes: section.querySelector('aside.notes')?.textContent ?? '',
    })),
  );
  const shown = slides.map(({ id, items, notes }) => ({
    id,
    items: items.map(compact),
    notes: compact(notes),
  }));
  expect(shown.map((slide) => slide.id)).toEqual(SLIDES.map((slide) => slide.id));
  expect(shown.flatMap((slide) => slide.items)).toHaveLength(TALK_LIST_ITEMS);
  for (const [index, slide] of SLIDES.entries()) {
    const opening = compact(slide.notes);
    expect(shown[index]!.notes.slice(0, opening.length), slide.id).toBe(opening);
  }
  return shown;
}

async function outline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const simplify = (items: { title: string; items: unknown[] }[] | null): OutlineEntry[] =>
    (items ?? []).map((item) => ({
      title: item.title,
      items: simplify(item.items as { title: string; items: unknown[] }[]),
    }));
  return simplify(await pdf.getOutline());
}

/**
 * Han characters the deck's own font (Source Han Sans SC, subset) draws in the PDF, read from the
 * ToUnicode maps of the embedded fonts named so. Chromium embeds this CFF-based font as Type 3
 * fonts (glyph outlines in the PDF, no font program), whose descriptor still names it.
 */
async function embeddedHan(path: string): Promise<Set<string>> {
  const doc = await PDFDocument.load(readFileSync(path));
  const chars = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    // Type 3 fonts carry their glyphs in the PDF; Type 0 fonts through a descendant's font file.
    const embedded = subtype === PDFName.of('Type3') || hasFontFile(object);
    const toUnicode = object.get(PDFName.of('ToUnicode'));
    if (!embedded || !DECK_FONT.test(fontName(object)) || !(toUnicode instanceof PDFRef)) continue;
    const stream = doc.context.lookup(toUnicode);
    if (!(stream instanceof PDFRawStream)) continue;
    const cmap = new TextDecoder().decode(decodePDFRawStream(stream).decode());
    for (const text of unicodeOf(cmap)) for (const c of text.match(HAN) ?? []) chars.add(c);
  }
  return chars;

  function descriptors(font: PDFDict): PDFDict[] {
    const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
    const fonts = descendants ? descendants.asArray().map((ref) => doc.context.lookup(ref, PDFDict)) : [font];
    return fonts.flatMap((f) => f.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict) ?? []);
  }
  function hasFontFile(font: PDFDict): boolean {
    return descriptors(font).some((d) =>
      ['FontFile', 'FontFile2', 'FontFile3'].some((key) => d.has(PDFName.of(key))),
    );
  }
  function fontName(font: PDFDict): string {
    return descriptors(font)
      .map((d) => String(d.get(PDFName.of('FontName')) ?? ''))
      .join(' ');
  }
}

/** The Unicode text a ToUnicode CMap maps glyphs to (its bfchar and bfrange entries). */
function unicodeOf(cmap: string): string[] {
  const text = (hex: string) => String.fromCharCode(...hex.match(/.{4}/g)!.map((h) => parseInt(h, 16)));
  const found: string[] = [];
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, target] of body!.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) found.push(text(target!));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target, list] of body!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      if (list) found.push(...[...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => text(m[1]!)));
      else
        for (let i = 0; i <= parseInt(high!, 16) - parseInt(low!, 16); i++)
          found.push(String.fromCharCode(parseInt(target!, 16) + i));
    }
  }
  return found;
}

/** Mean absolute difference per channel between two same-sized PNGs, computed with Chromium's canvas. */
async function meanDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const images = await Promise.all(
        [first, second].map(async (data) => {
          const image = new Image();
          image.src = `data:image/png;base64,${data}`;
          await image.decode();
          return image;
        }),
      );
      const [width, height] = [images[0]!.naturalWidth, images[0]!.naturalHeight];
      if (images[1]!.naturalWidth !== width || images[1]!.naturalHeight !== height)
        return Number.POSITIVE_INFINITY;
      const pixels = images.map((image) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, width, height).data;
      });
      // poppler and Chromium place the pixel grid up to a pixel apart: take the best of small shifts.
      const [one, two] = pixels as [Uint8ClampedArray, Uint8ClampedArray];
      const margin = 2;
      let best = Number.POSITIVE_INFINITY;
      for (let dy = -margin; dy <= margin; dy++) {
        for (let dx = -margin; dx <= margin; dx++) {
          let sum = 0;
          for (let y = margin; y < height - margin; y++) {
            for (let x = margin; x < width - margin; x++) {
              const i = (y * width + x) * 4;
              const j = ((y + dy) * width + x + dx) * 4;
              sum +=
                Math.abs(one[i]! - two[j]!) +
                Math.abs(one[i + 1]! - two[j + 1]!) +
                Math.abs(one[i + 2]! - two[j + 2]!);
            }
          }
          best = Math.min(best, sum / ((width - 2 * margin) * (height - 2 * margin) * 3));
        }
      }
      return best;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** One PDF page as a PNG at 96 dpi (a 960 pt slide page becomes 1280 px), drawn by poppler without system CJK fonts. */
function renderPage(pdf: string, number: number): Buffer {
  return execFileSync(
    'pdftoppm',
    ['-r', '96', '-f', String(number), '-l', String(number), '-png', '-singlefile', pdf],
    {
      env: { ...process.env, FONTCONFIG_FILE: NO_CJK_FONTCONFIG },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

/** The slide on screen, without reveal's controls, progress bar and slide number. */
async function screenshotSlide(page: Page, id: string): Promise<Buffer> {
  await page.goto(`./#/${id}`);
  await page.locator('html[data-deck-ready]').waitFor({ state: 'attached' });
  await expect(page.locator(`.reveal .slides > section#${id}`)).toHaveClass(/present/);
  return page.screenshot({
    style: '.reveal .controls, .reveal .progress, .reveal .slide-number { opacity: 0 !important; }',
    animations: 'disabled',
  });
}

test.describe('slides PDF', () => {
  test('has one 16:9 page per slide, each with its heading and its text', async ({ pdfs, page }) => {
    const shown = await shownSlides(page);
    const pdf = await openPdf(pdfs.slides);
    expect(pdf.numPages).toBe(16);
    for (const [index, slide] of SLIDES.entries()) {
      const number = index + 1;
      expect((await pdf.getPage(number)).view, `page ${number} size`).toEqual([0, 0, 960, 540]);
      const text = await pageText(pdf, number);
      expect(text, `page ${number}`).toContain(compact(slide.title));
      for (const item of shown[index]!.items) expect(text, `page ${number}`).toContain(item);
    }
  });

  test('has an outline entry for every part and slide', async ({ pdfs }) => {
    const pdf = await openPdf(pdfs.slides);
    expect(await outline(pdf)).toEqual(TALK_PDF_OUTLINE);
  });

  test('embeds every font, and the deck font (Source Han Sans SC) draws every Chinese character', async ({
    pdfs,
    page,
  }) => {
    const fonts = execFileSync('pdffonts', [pdfs.slides], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name, type, encoding, emb, sub, uni, object, generation.
    for (const row of fonts) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    const drawn = await embeddedHan(pdfs.slides);
    const onScreen = await shownSlides(page);
    const shown = new Set(
      SLIDES.flatMap((slide, index) =>
        [...(slide.title + onScreen[index]!.items.join('')).matchAll(HAN)].map((m) => m[0]),
      ),
    );
    expect([...shown].filter((c) => !drawn.has(c))).toEqual([]);
  });

  test('is tagged, in Chinese, with title, author, subject and keywords', async ({ pdfs }) => {
    const pdf = await openPdf(pdfs.slides);
    const { info: rawInfo, metadata } = await pdf.getMetadata();
    const info = rawInfo as Record<string, string>;
    expect(info.Title).toBe(TALK_META.title);
    // The XMP copy, which accessibility checkers read.
    expect(metadata?.get('dc:title')).toBe(TALK_META.title);
    expect(metadata?.get('dc:language')).toBe(TALK_META.lang);
    expect(info.Author).toBe(TALK_META.author);
    expect(info.Subject).toContain(TALK_META.title);
    // The three parts.
    for (const part of ['chatgpt', 'openai', 'models'])
      expect(info.Keywords).toContain(talkSlide(part).title);
    expect(info.Language).toBe(TALK_META.lang);
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const roles = async (number: number) =>
      JSON.stringify(await (await pdf.getPage(number)).getStructTree()).match(/"role":"(H\d)"/g);
    expect(await roles(1)).toEqual(['"role":"H1"']);
    expect(await roles(3)).toEqual(['"role":"H2"']);
  });

  test('a printed page looks like the slide on screen', async ({ pdfs, page }) => {
    // Page 3, a content slide with no build steps; and the slide after it.
    const printed = renderPage(pdfs.slides, 3);
    const difference = await meanDifference(page, printed, await screenshotSlide(page, 'chatgpt-mistakes'));
    expect(difference).toBeLessThan(PIXEL_TOLERANCE);
    // The measure tells slides apart: another slide is far off.
    expect(
      await meanDifference(page, printed, await screenshotSlide(page, 'chatgpt-turning-point')),
    ).toBeGreaterThan(difference + PIXEL_TOLERANCE);
  });

  test('with steps, has one page per build step and still one outline entry per slide', async ({
    pdfs,
    page,
  }) => {
    const shown = await shownSlides(page);
    const pdf = await openPdf(pdfs.steps);
    expect(pdf.numPages).toBe(TALK_STEP_PAGES);
    expect(await outline(pdf)).toEqual(TALK_PDF_OUTLINE);
    // A built slide's last step shows every item.
    let number = 0;
    for (const [index, slide] of SLIDES.entries()) {
      number += 1 + slide.steps;
      const text = await pageText(pdf, number);
      for (const item of shown[index]!.items) expect(text, `page ${number}`).toContain(item);
    }
    // The first build slide (page 5) begins with none of its items: its first page has the heading only.
    const engineering = talkSlide('chatgpt-engineering');
    const first = await pageText(pdf, 5);
    expect(first).toContain(compact(engineering.title));
    for (const item of shown[4]!.items) expect(first).not.toContain(item);
  });

  test('a slide range exports just those slides; a range that does not exist is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-range-'));
    try {
      const result = await exportPdf({
        dist: DIST,
        kind: 'slides',
        range: '3-5',
        out: join(dir, 'range.pdf'),
      });
      expect(result.pages).toBe(3);
      const pdf = await openPdf(result.out);
      expect(await pageText(pdf, 1)).toContain(compact(talkSlide('chatgpt-mistakes').title));
      expect(await pageText(pdf, 3)).toContain(compact(talkSlide('chatgpt-engineering').title));
      await expect(
        exportPdf({ dist: DIST, kind: 'slides', range: '17-21', out: join(dir, 'none.pdf') }),
      ).rejects.toThrow('slide range 17-21 does not exist: the deck has slides 1-16');
      await expect(
        exportPdf({ dist: DIST, kind: 'handout', range: 'two', out: join(dir, 'none.pdf') }),
      ).rejects.toThrow(/--range/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('printing from the browser', () => {
  test('print and handout views measure and print slides at rest, with no entrance animation', async ({
    page,
  }) => {
    // The screen's entrance animation once shifted every handout slide 13 px past its page.
    const server = await serveBuiltDeck(DIST);
    try {
      for (const view of ['print', 'handout']) {
        await page.goto(`${server.url}?view=${view}`);
        await page.locator('html[data-pdf-ready]').waitFor({ state: 'attached' });
        const frames = page.locator('.slide-frame');
        await expect(frames).toHaveCount(16);
        const animated = await frames.evaluateAll(
          (list) => list.filter((f) => getComputedStyle(f).animationName !== 'none').length,
        );
        expect(animated, `${view} view`).toBe(0);
      }
    } finally {
      await server.close();
    }
  });

  test('the print view lays out the same pages as the export, all visible to assistive technology', async ({
    page,
    pdfs,
  }) => {
    // Served as the export serves it. (Under `vite preview`, whose no-cache + ETag responses make
    // Chromium fetch the preloaded font files again while printing, the print can lose the deck
    // font: see the font preload script in src/node/vite/deck-font-plugin.ts.)
    const server = await serveBuiltDeck(DIST);
    try {
      await page.goto(`${server.url}?view=print`);
      await page.locator('html[data-pdf-ready]').waitFor({ state: 'attached' });
      await expect(page.locator('.reveal .slides > .pdf-page')).toHaveCount(16);
      await expect(page.locator('.reveal .slides > .pdf-page > section[aria-hidden]')).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.dataset.pdfProblems)).toBe('[]');
      // What the browser's print dialog makes of the page: its CSS page size, backgrounds on.
      const printed = await openPdf(await page.pdf({ printBackground: true, preferCSSPageSize: true }));
      const exported = await openPdf(pdfs.slides);
      expect(printed.numPages).toBe(exported.numPages);
      for (let n = 1; n <= printed.numPages; n++) {
        expect((await printed.getPage(n)).view).toEqual((await exported.getPage(n)).view);
        expect(await pageText(printed, n)).toBe(await pageText(exported, n));
      }
    } finally {
      await server.close();
    }
  });
});

test.describe('handout PDF', () => {
  test('has every slide with its speaker notes on A4 pages, notes printable in dark text', async ({
    pdfs,
    page: browserPage,
  }) => {
    const shown = await shownSlides(browserPage);
    const pdf = await openPdf(pdfs.handout);
    const page = await pdf.getPage(1);
    expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    expect(pdf.numPages).toBeLessThan(16);
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) text += await pageText(pdf, n);
    for (const [index, slide] of SLIDES.entries()) {
      expect(text).toContain(compact(slide.title));
      expect(text, `notes of ${slide.id}`).toContain(shown[index]!.notes);
    }
    // Readable on paper: the notes are set at 10 pt or more.
    const items = (await page.getTextContent()).items.filter(
      (item) => 'str' in item && shown[0]!.notes.startsWith(compact(item.str)) && item.str.trim(),
    );
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect('height' in item ? item.height : 0).toBeGreaterThanOrEqual(10);
  });

  test('has the outline, the deck font and the document properties', async ({ pdfs, page }) => {
    const shown = await shownSlides(page);
    const pdf = await openPdf(pdfs.handout);
    expect(await outline(pdf)).toEqual(TALK_PDF_OUTLINE);
    const info = (await pdf.getMetadata()).info as Record<string, string>;
    expect(info.Title).toContain(TALK_META.title);
    expect(info.Author).toBe(TALK_META.author);
    expect(info.Language).toBe(TALK_META.lang);
    const drawn = await embeddedHan(pdfs.handout);
    const notes = new Set(shown.flatMap((slide) => [...slide.notes.matchAll(HAN)].map((m) => m[0])));
    expect([...notes].filter((c) => !drawn.has(c))).toEqual([]);
  });
});

test.describe('a deck with problems', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a slide too tall for its page is named by file and line; links and heading-less slides still work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-fixture-'));
    try {
      const slides = join(dir, 'slides');
      mkdirSync(slides);
      writeFileSync(join(slides, 'deck.yaml'), 'title: 打印检查\nauthor: 测试\nlang: zh-CN\n');
      writeFileSync(
        join(slides, '01-links.md'),
        [
          '---\nid: first\nclass: content\n---\n\n## 链接\n\n- 外部：[智源研究院](https://www.baai.ac.cn/)\n- 内部：[最后一页](#/last)\n',
          '---\nid: plain\nclass: content\n---\n\n这一页没有标题。\n',
          '---\nid: last\nclass: content\n---\n\n## 最后一页\n\n- 结束\n',
        ].join('\n'),
      );
      const items = Array.from({ length: 14 }, (_, i) => `- 第 ${i + 1} 条：内容太多，一页放不下`).join('\n');
      writeFileSync(
        join(slides, '02-tall.md'),
        `---\nid: tall\nclass: content\n---\n\n## 太长的一页\n\n${items}\n`,
      );
      const dist = join(dir, 'dist');
      await buildDeck({ slides, dist });

      for (const kind of ['slides', 'handout'] as const) {
        await expect(exportPdf({ dist, kind, out: join(dir, `${kind}.pdf`) })).rejects.toThrow(
          /02-tall\.md:1: slide "太长的一页" is \d+ px taller than the 720 px page/,
        );
      }

      const result = await exportPdf({ dist, kind: 'slides', range: '1-3', out: join(dir, 'ok.pdf') });
      const pdf = await openPdf(result.out);
      expect((await outline(pdf)).map((entry) => entry.title)).toEqual(['链接', '幻灯片 2', '最后一页']);
      const links = (await (await pdf.getPage(1)).getAnnotations()).filter(
        (a: { subtype: string }) => a.subtype === 'Link',
      );
      expect(links.map((link: { url?: string }) => link.url).filter(Boolean)).toEqual([
        'https://www.baai.ac.cn/',
      ]);
      const internal = links.find((link: { dest?: unknown }) => link.dest);
      expect(internal, 'a link to another slide leads to its page').toBeTruthy();
      const target = await pdf.getPageIndex(
        (Array.isArray(internal.dest) ? internal.dest : await pdf.getDestination(internal.dest))![0],
      );
      expect(target).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
