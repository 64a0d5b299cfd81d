// The build-time diagrams as the audience sees them and as the PDF keeps them: drawn in the
// bundled font at the widths the build measured, inside the slide at every build step, named
// for screen readers, with their words in the PDF's text layer, and looking as they did when a
// person last checked them (screenshot baselines).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportPdf } from '../../src/node/commands/export-pdf.js';
import { measureText } from '../../src/node/diagram/measure.js';
import { INK_ABOVE, INK_BELOW } from '../../src/node/diagram/scene.js';
import { loadDeck } from '../../src/node/markdown/load-deck.js';
import { expect, foreignFonts, test, type DeckPage } from './deck-page.js';
import { compact, openPdf, pageText } from './pdf-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = resolve(ROOT, process.env.DECK_DIST ?? 'dist');
const { deck } = loadDeck(resolve(ROOT, 'slides'), ROOT);
/** The slides that carry a diagram, with the words of each line of their diagrams. */
const DIAGRAM_SLIDES = deck.slides
  .filter((slide) => slide.html.includes('class="diagram-svg"'))
  .map((slide) => ({
    id: slide.id,
    index: slide.index,
    steps: slide.steps,
    lines: [...slide.html.matchAll(/<text class="diagram-text[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) =>
      unescape(m[1]!),
    ),
  }));
/** How far the browser's width of a line may be from the build's measure, in px. */
const WIDTH_TOLERANCE = 1;

function unescape(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Opens a slide and shows its build up to `step`. */
async function openAt(deckPage: DeckPage, id: string, step: number): Promise<void> {
  await deckPage.goto(id);
  for (let shown = 0; shown < step; shown++) await deckPage.next();
  await deckPage.expectAt(id, step);
}

test.use({ reducedMotion: 'reduce' });

test('the talk has its diagrams, each with its lines of text', () => {
  expect(DIAGRAM_SLIDES.map((s) => s.id)).toEqual([
    'chatgpt-engineering',
    'chatgpt-emergence',
    'chatgpt-knowledge',
    'models-ceiling',
    'models-platform',
    'models-open-source',
    'models-being-human',
  ]);
  for (const slide of DIAGRAM_SLIDES) expect(slide.lines.length, slide.id).toBeGreaterThan(3);
});

for (const slide of DIAGRAM_SLIDES) {
  test.describe(`${slide.id}`, () => {
    test('is a picture named by its title and description', async ({ deck: page }) => {
      await page.goto(slide.id);
      const figures = page.currentSlide.locator('svg.diagram-svg');
      for (const svg of await figures.all()) {
        await expect(svg).toHaveAttribute('role', 'img');
        const [title, desc] = (await svg.getAttribute('aria-labelledby'))!.split(' ');
        const name = `${await svg.locator(`title#${title}`).textContent()} ${await svg.locator(`desc#${desc}`).textContent()}`;
        await expect(svg).toHaveAccessibleName(name);
        expect(name).toContain('示意图，无数据');
      }
    });

    test('its text is drawn by the bundled font, at the widths the build measured', async ({
      deck: page,
    }) => {
      await openAt(page, slide.id, slide.steps);
      const runs = (await page.hanTextFonts(`section#${slide.id} svg.diagram-svg text`)).filter(
        (r) => r.rendered,
      );
      expect(runs.length, 'Han text is probed').toBeGreaterThan(3);
      expect(foreignFonts(runs)).toEqual([]);
      const drawn = await page.currentSlide.locator('svg.diagram-svg text').evaluateAll((texts) =>
        (texts as SVGTextElement[]).map((text) => ({
          text: text.textContent ?? '',
          size: Number(text.getAttribute('font-size')),
          bold: text.classList.contains('diagram-strong'),
          weight: getComputedStyle(text).fontWeight,
          width: text.getComputedTextLength(),
        })),
      );
      expect(drawn.map((d) => d.text)).toEqual(slide.lines);
      const off = drawn
        .filter((d) => Math.abs(d.width - measureText(d.text, d)) > WIDTH_TOLERANCE)
        .map(
          (d) =>
            `"${d.text}": drawn ${d.width.toFixed(1)} px, measured ${measureText(d.text, d).toFixed(1)} px`,
        );
      expect(off).toEqual([]);
      for (const d of drawn) expect(d.weight, d.text).toBe(d.bold ? '700' : '400');
    });

    test('stays inside the slide at every build step, showing one more part each step', async ({
      deck: page,
    }) => {
      await page.goto(slide.id);
      for (let step = 0; step <= slide.steps; step++) {
        if (step > 0) await page.next();
        await page.expectAt(slide.id, step);
        expect(await page.spills(), `step ${step}`).toEqual([]);
        // A diagram's steps come first (they carry a data-fragment-index), then a built list's.
        const parts = await page.currentSlide.locator('svg .fragment').count();
        await expect(page.currentSlide.locator('svg .fragment.visible')).toHaveCount(Math.min(step, parts));
        // Every word's ink is on the drawing: its advance across, the font's ink range down.
        const outside = await page.currentSlide.locator('svg.diagram-svg').evaluateAll(
          (svgs, [above, below]) =>
            svgs.flatMap((svg) => {
              const view = (svg as SVGSVGElement).viewBox.baseVal;
              return [...svg.querySelectorAll('text')]
                .filter((text) => {
                  const box = text.getBBox();
                  const baseline = Number(text.getAttribute('y'));
                  const size = Number(text.getAttribute('font-size'));
                  return (
                    box.x < -1 ||
                    box.x + box.width > view.width + 1 ||
                    baseline - above! * size < -1 ||
                    baseline + below! * size > view.height + 1
                  );
                })
                .map((text) => text.textContent);
            }),
          [INK_ABOVE, INK_BELOW],
        );
        expect(outside, `step ${step}`).toEqual([]);
      }
    });

    test('looks as it did at every build step', async ({ deck: page }) => {
      await page.goto(slide.id);
      for (let step = 0; step <= slide.steps; step++) {
        if (step > 0) await page.next();
        await page.expectAt(slide.id, step);
        await page.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
        await expect(page.page).toHaveScreenshot(`${slide.id}-${step}.png`, { maxDiffPixelRatio: 0.01 });
      }
    });
  });
}

test.describe('in the PDF', () => {
  test.describe.configure({ timeout: 120_000 });

  test("every diagram's words are in the text layer of its slide's page", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-diagram-pdf-'));
    try {
      const { out } = await exportPdf({ dist: DIST, kind: 'slides', out: join(dir, 'slides.pdf') });
      const pdf = await openPdf(out);
      const missing: string[] = [];
      for (const slide of DIAGRAM_SLIDES) {
        const text = await pageText(pdf, slide.index + 1);
        for (const line of slide.lines)
          if (!text.includes(compact(line))) missing.push(`${slide.id}: ${line}`);
      }
      expect(missing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
