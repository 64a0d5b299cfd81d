// A long deck (300 slides, the talk's own cycled) on the patched reveal.js: numbering, jumps and
// browser history still right, and a key press no longer walks the whole deck
// (patches/reveal.js+6.0.2.patch).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateLargeDeck } from '../../src/node/commands/bench-decks.js';
import { serveStatic, type StaticServer } from '../../src/node/cli/static-server.js';
import { timedViteBuild } from '../../src/node/cli/vite-build.js';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';
import { expect, test } from './deck-page.js';

const COUNT = 300;
/** The generated deck's slide `i`: the talk's slide `i mod 16`, its id suffixed with `-i`. */
const idOf = (i: number) => `${TALK_SLIDES[i % TALK_SLIDES.length]!.id}-${i}`;
/** reveal.js's slide number, `n / 300` (spread over three elements). */
const numbered = (n: number) => new RegExp(`^\\s*${n}\\s*/\\s*${COUNT}\\s*$`);

let temp: string;
let server: StaticServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  temp = mkdtempSync(join(tmpdir(), 'long-deck-'));
  generateLargeDeck(resolve('slides'), join(temp, 'slides'), COUNT);
  timedViteBuild({ slides: join(temp, 'slides'), dist: join(temp, 'dist') });
  server = await serveStatic(join(temp, 'dist'));
});

test.afterAll(async () => {
  await server?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

test('300 slides: numbered, End and Home jump, back and forward walk the history', async ({ deck, page }) => {
  await deck.goto(undefined, server.url);
  await expect(deck.slides).toHaveCount(COUNT);
  const number = page.locator('.reveal .slide-number');
  await expect(number).toHaveText(numbered(1));

  await deck.press('End');
  await deck.expectAt(idOf(COUNT - 1));
  await expect(number).toHaveText(numbered(COUNT));
  await expect(page).toHaveURL(new RegExp(`#/${idOf(COUNT - 1)}$`));
  await expect(page.locator('.reveal .progress span')).toHaveCSS('transform', 'matrix(1, 0, 0, 1, 0, 0)');

  await deck.press('Home');
  await deck.expectAt(idOf(0));
  await expect(page).toHaveURL(new RegExp(`#/${idOf(0)}$`));
  const second = await deck.nextSlide();
  expect(second).toBe(idOf(1));
  await expect(number).toHaveText(numbered(2));
  await expect(page).toHaveURL(new RegExp(`#/${idOf(1)}`));
  // Each place the deck moved to is one history entry: back goes to Home's slide, then End's.
  await page.goBack();
  await deck.expectAt(idOf(0));
  await expect(number).toHaveText(numbered(1));
  await page.goBack();
  await deck.expectAt(idOf(COUNT - 1));
  await expect(number).toHaveText(numbered(COUNT));
  await page.goForward();
  await page.goForward();
  await deck.expectAt(idOf(1));
  // Only the slides near the current one are laid out; the rest stay hidden.
  const shown = await page.$$eval('.reveal .slides > section', (sections) =>
    sections.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.id),
  );
  expect(shown).toEqual([idOf(0), idOf(1), idOf(2), idOf(3)]);
  expect(deck.errors).toEqual([]);
});

test('a key press does not query every slide of the deck', async ({ deck, page }) => {
  // Counts querySelector(All) calls whose scope holds every slide: the page, .reveal, .slides.
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { deckWideQueries: string[] }).deckWideQueries = calls;
    const wide = (node: unknown) =>
      node instanceof Document ||
      (node instanceof Element && (node.matches('.reveal') || node.matches('.reveal > .slides')));
    for (const proto of [Element.prototype, Document.prototype]) {
      for (const name of ['querySelector', 'querySelectorAll'] as const) {
        const original = Object.getOwnPropertyDescriptor(proto, name)!.value as (
          this: ParentNode,
          selector: string,
        ) => unknown;
        Object.defineProperty(proto, name, {
          configurable: true,
          value(this: ParentNode, selector: string) {
            if (wide(this)) calls.push(selector);
            return original.call(this, selector);
          },
        });
      }
    }
  });
  await deck.goto(idOf(5), server.url);
  await page.evaluate(
    () => ((window as unknown as { deckWideQueries: string[] }).deckWideQueries.length = 0),
  );
  // Only keys and the URL (written after the paint, so the press's work is done when it shows):
  // the test's own locators would query the page too.
  const presses: [string, RegExp][] = [
    ['End', new RegExp(`#/${idOf(COUNT - 1)}$`)],
    ['Home', new RegExp(`#/${idOf(0)}$`)],
    ['End', new RegExp(`#/${idOf(COUNT - 1)}$`)],
    ['ArrowLeft', new RegExp(`#/${idOf(COUNT - 2)}(/\\d+)?$`)],
  ];
  for (const [key, url] of presses) {
    await deck.press(key);
    await expect(page).toHaveURL(url);
  }
  const calls = await page.evaluate(
    () => (window as unknown as { deckWideQueries: string[] }).deckWideQueries,
  );
  expect(calls.filter((selector) => /section/.test(selector))).toEqual([]);
});
