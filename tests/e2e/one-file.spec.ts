// The one-file export (`npm run export -- --html`) as the person who receives it: the only file in
// a folder, opened from the file system, offline. It must make no request but for itself, break
// no rule of its own security policy, draw the talk in the deck's font, and work as the deck, the
// presenter console, the print view and the handout.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { exportHtml } from '../../src/node/commands/export-html.js';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';
import { DeckPage, expect, foreignFonts, test as base } from './deck-page.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = resolve(ROOT, process.env.DECK_DIST ?? 'dist');
/** The talk as one file may weigh this much (raw): it goes out as an e-mail attachment. */
const BUDGET_BYTES = 600 * 1024;
/** The slide with the talk's formula, and the one with its two pictures. */
const MATH_SLIDE = 'chatgpt-turning-point';
const PICTURE_SLIDE = 'closing';
const FILE_NAME = '大模型 · talk.html';

interface OneFile {
  path: string;
  url: string;
  /** Every file in its folder. */
  folder: string[];
}

/** What a page did that the one-file page must never do. */
interface Trouble {
  /** Requests for anything but the file itself. */
  requests: string[];
  /** Console errors, uncaught exceptions and security policy violations. */
  errors: string[];
}

const test = base.extend<{ trouble: Trouble }, { oneFile: OneFile }>({
  oneFile: [
    async ({}, use) => {
      const folder = mkdtempSync(join(tmpdir(), 'deck-one-file-'));
      // Named as the export names it by default: after the talk's title, with spaces and Chinese.
      const path = join(folder, FILE_NAME);
      exportHtml({ dist: DIST, out: path });
      await use({ path, url: pathToFileURL(path).href, folder: readdirSync(folder) });
      rmSync(folder, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  trouble: async ({ context, oneFile }, use) => {
    const trouble: Trouble = { requests: [], errors: [] };
    const itself = (url: string) => url.replace(/[?#].*$/s, '') === oneFile.url;
    // Whatever the browser would fetch is refused and noted; the file itself loads as usual.
    await context.route('**/*', (route) => {
      if (itself(route.request().url())) return route.fallback();
      trouble.requests.push(route.request().url());
      return route.abort();
    });
    context.on('request', (request) => {
      if (!itself(request.url())) trouble.requests.push(request.url());
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && !devtoolsReadingTheFile(message.text(), itself))
        trouble.errors.push(`console: ${message.text()}`);
    });
    context.on('weberror', (error) => trouble.errors.push(`pageerror: ${error.error().message}`));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    await use(trouble);
    expect(trouble.requests, 'requests for anything but the file').toEqual([]);
    expect(trouble.errors).toEqual([]);
  },
});

/** The families Chromium drew the text of the first element matching `selector` with. */
async function fontsDrawing(page: Page, selector: string): Promise<{ family: string; custom: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, `${selector} is on the page`).not.toBe(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((font) => ({ family: font.familyName, custom: font.isCustomFont }));
}

test('it is one file, within its budget, under a policy that allows nothing from elsewhere', ({
  oneFile,
}) => {
  expect(oneFile.folder).toEqual([FILE_NAME]);
  expect(statSync(oneFile.path).size).toBeLessThanOrEqual(BUDGET_BYTES);
  const html = readFileSync(oneFile.path, 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const directive = (name: string) =>
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([key]) => key === name)
      ?.slice(1);
  expect(directive('default-src')).toEqual(["'none'"]);
  // Exactly the page's own inline scripts (the deck's code and the prerender guard), by hash.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`,
  );
  expect(inline.length).toBeGreaterThanOrEqual(2);
  expect(directive('script-src')?.sort()).toEqual([...new Set(inline)].sort());
  expect(directive('font-src')).toEqual(['data:']);
  expect(directive('connect-src')).toEqual(["'none'"]);
  expect(policy).not.toContain("'self'");
  expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*rel="?(stylesheet|preload)/);
});

test.describe('opened alone from the file system', () => {
  test('the title slide is drawn in the deck font, and the keys move through the talk', async ({
    page,
    oneFile,
    trouble,
  }) => {
    const deck = new DeckPage(page);
    await deck.goto(undefined, oneFile.url);
    await deck.expectAt(TALK_SLIDES[0]!.id);
    // Rendered text only: the notes are in the slide's markup, hidden.
    const runs = (await deck.hanTextFonts()).filter((run) => run.rendered);
    expect(runs.map((run) => run.text).join('')).toContain(TALK_SLIDES[0]!.title);
    expect(foreignFonts(runs)).toEqual([]);
    await expect.poll(() => deck.fontFaces()).toEqual(['400 loaded', '700 loaded']);
    expect(await deck.nextSlide()).toBe(TALK_SLIDES[1]!.id);
    await deck.press('End');
    await deck.expectAt(TALK_SLIDES.at(-1)!.id);
    await deck.press('Home');
    await deck.expectAt(TALK_SLIDES[0]!.id);
    expect(trouble.errors).toEqual([]);
  });

  test('the formula is drawn with its KaTeX face and the pictures show', async ({ page, oneFile }) => {
    const deck = new DeckPage(page);
    await deck.goto(MATH_SLIDE, oneFile.url);
    const operator = '.reveal .slides > section.present .katex-html .mbin';
    await expect(page.locator(operator).first()).toHaveText('+');
    expect(await fontsDrawing(page, operator)).toEqual([{ family: 'KaTeX_Main', custom: true }]);

    await deck.goto(PICTURE_SLIDE, oneFile.url);
    const pictures = deck.currentSlide.locator('img');
    await expect(pictures).toHaveCount(2);
    for (const picture of await pictures.all()) {
      await expect(picture).toHaveJSProperty('complete', true);
      expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(picture).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
    }
  });

  test('?presenter opens the console with the notes, and it steers the deck in another window', async ({
    context,
    oneFile,
  }) => {
    const audience = await context.newPage();
    const deck = new DeckPage(audience);
    await deck.goto(undefined, oneFile.url);
    const console_ = await context.newPage();
    await console_.goto(`${oneFile.url}?presenter`);
    await expect(console_.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
    await expect(console_.locator('.presenter-notes-text')).toContainText(TALK_SLIDES[0]!.notes);
    await console_.keyboard.press('ArrowRight');
    await expect(console_.locator('.presenter-notes-text')).toContainText(TALK_SLIDES[1]!.notes);
    await deck.expectAt(TALK_SLIDES[1]!.id);
  });

  test('?view=print lays out one page per slide, and ?view=handout every slide with its notes', async ({
    page,
    oneFile,
  }) => {
    await page.goto(`${oneFile.url}?view=print`);
    await expect(page.locator('html')).toHaveAttribute('data-pdf-ready', 'true');
    await expect(page.locator('.reveal .slides > .pdf-page')).toHaveCount(TALK_SLIDES.length);
    expect(await page.evaluate(() => document.fonts.check('400 40px "Deck Sans"', '模'))).toBe(true);

    await page.goto(`${oneFile.url}?view=handout`);
    await expect(page.locator('html')).toHaveAttribute('data-pdf-ready', 'true');
    await expect(page.locator('.handout-item')).toHaveCount(TALK_SLIDES.length);
    await expect(page.locator('.handout-notes').first()).toContainText(TALK_SLIDES[0]!.notes);
  });
});

/**
 * Chromium 150's DevTools, asked which font drew a node (the CSS domain, `hanTextFonts`), reads
 * the page's own file again to show its inline styles and logs that a file: page may not load a
 * file: URL. It is the test's probe reading the file itself, not the deck loading anything.
 */
function devtoolsReadingTheFile(text: string, itself: (url: string) => boolean): boolean {
  const match =
    /^Unsafe attempt to load URL (\S+) from frame with URL (\S+)\. 'file:' URLs are treated as unique security origins\.\s*$/.exec(
      text,
    );
  return match !== null && itself(match[1]!) && itself(match[2]!);
}
