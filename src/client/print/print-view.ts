// reveal.js's print view (`?view=print`), finished for a good PDF: the same pages whether a person
// prints from the browser or the export drives it. reveal lays out one page per slide (or per
// build step with `&steps`); this keeps only `&range`, makes every page visible to the tagged-PDF
// structure (reveal leaves all but one slide aria-hidden, which empties the PDF's outline), gives
// every slide a heading for the outline, points links between slides at their page, and reports
// slides too big for their page.
import type { RevealApi, RevealConfig } from 'reveal.js';
import type { Deck, Slide } from '../../shared/deck.js';
import {
  HEADING,
  contentLoaded,
  ensureHeading,
  linkSlidesToPages,
  oversizedSlides,
  publishDocumentInfo,
  signalPrintReady,
  type PrintProblem,
} from './print-pages.js';
import { resolveRange, type PrintOptions } from './print-options.js';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';

/** reveal.js settings for the print view: build steps on their own pages when asked; never spread a slide over two pages. */
export function printConfig(options: PrintOptions): Partial<RevealConfig> {
  return { pdfSeparateFragments: options.steps, pdfMaxPagesPerSlide: 1 };
}

/** Finishes reveal's print pages once they are laid out, then sets `html[data-pdf-ready]`. */
export function preparePrintView(reveal: RevealApi, deck: Deck, options: PrintOptions): void {
  const finish = () => void finishPages(deck, options);
  // reveal fires pdf-ready once, after appending the pages: they may already be there.
  if (document.querySelector('.reveal .slides > .pdf-page')) finish();
  else reveal.on('pdf-ready', finish, { once: true });
}

async function finishPages(deck: Deck, options: PrintOptions): Promise<void> {
  const problems: PrintProblem[] = [];
  const range = resolveRange(options.range, deck.slides.length);
  const pages = [...document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')];
  for (const page of pages) page.querySelector('.slide-number-pdf')?.setAttribute('aria-hidden', 'true');
  if ('problem' in range) problems.push({ message: range.problem });
  else {
    for (const [index, group] of pagesBySlide(pages)) {
      const slide = deck.slides[index];
      if (!slide || index < range.from || index > range.to) group.forEach((page) => page.remove());
      else exposeToReaders(group, slide);
    }
  }
  linkSlidesToPages(document.querySelector('.reveal .slides')!, deck.slides);
  publishDocumentInfo(deck);
  await contentLoaded();
  const sections = document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page > section');
  problems.push(...oversizedSlides(sections, SLIDE_WIDTH, SLIDE_HEIGHT));
  signalPrintReady(problems);
}

/** The pages of each slide, in order: one, or one per build step (reveal clones the page for each). */
function pagesBySlide(pages: HTMLElement[]): Map<number, HTMLElement[]> {
  const groups = new Map<number, HTMLElement[]>();
  for (const page of pages) {
    const index = Number(page.querySelector<HTMLElement>(':scope > section')?.dataset.index ?? -1);
    groups.set(index, [...(groups.get(index) ?? []), page]);
  }
  return groups;
}

/**
 * Puts a slide's pages into the tagged structure, once: its heading on its first page (the
 * outline's entry), its full content on its last (all steps shown), step pages in between hidden.
 */
function exposeToReaders(pages: HTMLElement[], slide: Slide): void {
  pages.forEach((page, step) => {
    const section = page.querySelector<HTMLElement>(':scope > section')!;
    section.removeAttribute('aria-hidden');
    section.removeAttribute('hidden');
    // Clones repeat the id; links and the outline must land on the slide's first page.
    if (step > 0) section.removeAttribute('id');
    ensureHeading(section, slide);
  });
  if (pages.length === 1) return;
  const first = pages[0]!.querySelector<HTMLElement>(':scope > section')!;
  hideAllBut(first, [...first.querySelectorAll(HEADING)]);
  for (const page of pages.slice(1, -1))
    page.querySelector(':scope > section')!.setAttribute('aria-hidden', 'true');
  for (const heading of pages.at(-1)!.querySelectorAll(HEADING)) heading.setAttribute('aria-hidden', 'true');
}

/** Hides everything under `root` from assistive technology except `keep` and their ancestors. */
function hideAllBut(root: Element, keep: Element[]): void {
  for (const child of root.children) {
    if (keep.includes(child)) continue;
    if (keep.some((element) => child.contains(element))) hideAllBut(child, keep);
    else child.setAttribute('aria-hidden', 'true');
  }
}
