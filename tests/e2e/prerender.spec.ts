// The first view: the title slide comes inside index.html with its glyphs and the few style rules
// it needs, paints before the deck's stylesheet and script are even asked for, and reveal.js takes
// over the same slide without moving it.
import type { Page, Route } from '@playwright/test';
import { TALK_META, TALK_SLIDES } from '../fixtures/talk-outline.js';
import { expect, foreignFonts, test, type DeckPage } from './deck-page.js';

const TITLE = TALK_SLIDES[0]!;
// Not `.slides > section`: on a narrow screen reveal.js's scroll view wraps each slide.
const PRERENDERED = `.reveal section#${TITLE.id}`;

/**
 * Holds the deck's stylesheet and script back until `release()`: what the page shows meanwhile is
 * index.html alone. `held` resolves once both were asked for.
 */
async function holdScript(page: Page): Promise<{ release: () => void; held: Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let count = 0;
  await page.route(/\/assets\/(index-[^/]*\.js|style-[^/]*\.css)$/, async (route: Route) => {
    if (++count === 2) arrived();
    await gate;
    await route.continue();
  });
  return { release, held };
}

/** Where each element of the title slide is on screen, in CSS pixels, rounded to tenths. */
function boxes(page: Page): Promise<{ element: string; box: number[] }[]> {
  return page.evaluate((selector) => {
    const section = document.querySelector(selector)!;
    return [...section.querySelectorAll('.slide-frame, .slide-frame *')].map((element) => {
      const r = element.getBoundingClientRect();
      return {
        element: `${element.localName} ${element.textContent?.trim().slice(0, 12)}`,
        box: [r.left, r.top, r.width, r.height].map((n) => Math.round(n * 10) / 10),
      };
    });
  }, PRERENDERED);
}

/** Waits for the title's short settle-in animation to end: positions are compared at rest. */
function atRest(page: Page): Promise<void> {
  return page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished)).then(() => undefined),
  );
}

/** Han text on the title slide not drawn by the deck's own web font. */
async function titleForeignFonts(deck: DeckPage): Promise<string[]> {
  const runs = await deck.hanTextFonts(`${PRERENDERED} .slide-frame *`);
  expect(runs.length, 'the title slide has Han text').toBeGreaterThan(0);
  expect(runs.every((run) => run.rendered)).toBe(true);
  return foreignFonts(runs);
}

test('the title slide is in the page itself and paints in the deck font before the stylesheet and script load', async ({
  deck,
  page,
}) => {
  const script = await holdScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  await script.held;
  await expect(page.locator(`${PRERENDERED} h1`)).toHaveText(TITLE.title);
  await expect(page.locator(`${PRERENDERED} h1`)).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-deck-ready');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await titleForeignFonts(deck)).toEqual([]);
  // The glyphs came inside the page: no font file, no image was asked for.
  const files = deck.requests.map((url) => new URL(url).pathname.split('/').pop() || 'index.html').sort();
  expect(files).toHaveLength(3);
  expect(files).toEqual(
    expect.arrayContaining([
      'index.html',
      expect.stringMatching(/^index-.*\.js$/),
      expect.stringMatching(/^style-.*\.css$/),
    ]),
  );
  script.release();
  await deck.waitUntilReady();
  expect(await page.title()).toContain(TALK_META.title);
  // (Resource timing lists a file once it has arrived.) They were asked for once the title had painted.
  const times = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    asked: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/assets\/(index-.*\.js|style-.*\.css)$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  expect(times.asked).toHaveLength(2);
  for (const asked of times.asked) expect(asked).toBeGreaterThanOrEqual(times.paint!);
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1000, height: 700 },
  { width: 390, height: 844 },
]) {
  test(`reveal.js takes over the prerendered title without moving it (${viewport.width}×${viewport.height})`, async ({
    deck,
    page,
  }) => {
    await page.setViewportSize(viewport);
    const script = await holdScript(page);
    await page.goto('./', { waitUntil: 'commit' });
    await script.held;
    await page.locator(`${PRERENDERED} h1`).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await atRest(page);
    const before = await boxes(page);
    // Marks the node, to tell a takeover from a fresh render after the script runs.
    await page.evaluate(
      (selector) => document.querySelector(selector)!.setAttribute('data-seen', ''),
      PRERENDERED,
    );
    script.release();
    await deck.waitUntilReady();
    await expect(page.locator(`${PRERENDERED}[data-seen].present`)).toHaveCount(1);
    await atRest(page);
    expect(await boxes(page)).toEqual(before);
    await expect(page.locator('.reveal section[data-index]')).toHaveCount(TALK_SLIDES.length);
  });
}

for (const [name, url, shows] of [
  ['a link to another slide', `./#/${TALK_SLIDES[3]!.id}`, `section#${TALK_SLIDES[3]!.id}.present`],
  ['the presenter console', './?presenter', 'html[data-presenter-ready]'],
] as const) {
  test(`${name} never flashes the title slide first`, async ({ page }) => {
    const script = await holdScript(page);
    await page.goto(url, { waitUntil: 'commit' });
    await script.held;
    await expect(page.locator(`${PRERENDERED} h1`)).toBeAttached();
    await expect(page.locator(`${PRERENDERED} h1`)).toBeHidden();
    script.release();
    await expect(page.locator(shows)).toBeAttached();
  });
}
