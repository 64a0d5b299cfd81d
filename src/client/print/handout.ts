// The speaker handout (`?view=handout`): every slide at reduced size with its speaker notes below,
// two to an A4 page, for printing from the browser or the PDF export. It renders from the Deck
// itself (reveal.js does not run here) inside the same `.reveal .slides > section > .slide-frame`
// markup as the slides, so the theme draws them exactly as on screen.
import type { Deck, Slide } from '../../shared/deck.js';
import {
  contentLoaded,
  ensureHeading,
  linkSlidesToPages,
  oversizedSlides,
  publishDocumentInfo,
  signalPrintReady,
  type PrintProblem,
} from './print-pages.js';
import { resolveRange, type PrintOptions } from './print-options.js';
import { renderSection } from '../ui/render-sections.js';
import { FONT_FAMILY, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';
import { UI_STRINGS } from '../../shared/ui-strings.js';
import './handout.css';

/** Replaces the page with the handout of `deck` (or `options.range` of it), then sets `html[data-pdf-ready]`. */
export async function startHandout(deck: Deck, options: PrintOptions): Promise<void> {
  const root = document.documentElement;
  // `print-pdf` switches off reveal.css's print stylesheet, which would restyle the slides in black on white.
  root.classList.add('handout-view', 'print-pdf');
  document.head.append(pageStyle(deck));
  publishDocumentInfo(deck, `${deck.meta.title} · ${UI_STRINGS.handout}`);

  const problems: PrintProblem[] = [];
  const range = resolveRange(options.range, deck.slides.length);
  const slides = 'problem' in range ? [] : deck.slides.slice(range.from, range.to + 1);
  if ('problem' in range) problems.push({ message: range.problem });
  const main = document.createElement('main');
  main.className = 'handout';
  main.append(...slides.map((slide) => renderHandoutItem(slide, deck.slides.length)));
  document.body.replaceChildren(main);
  linkSlidesToPages(main, deck.slides);

  await contentLoaded(`${deck.meta.title} · ${deck.meta.author} 0123456789 /`);
  problems.push(
    ...oversizedSlides(
      main.querySelectorAll<HTMLElement>('.handout-slide .slides > section'),
      SLIDE_WIDTH,
      SLIDE_HEIGHT,
    ),
  );
  root.dataset.deckReady = 'true';
  signalPrintReady(problems);
}

/** One slide of the handout: its number, the slide itself and its notes. */
function renderHandoutItem(slide: Slide, total: number): HTMLElement {
  const item = document.createElement('article');
  item.className = 'handout-item';
  item.dataset.source = `${slide.source.file}:${slide.source.line}`;

  const number = document.createElement('p');
  number.className = 'handout-number';
  number.textContent = `${slide.index + 1} / ${total}`;

  const section = renderSection(slide);
  section.querySelector(':scope > aside.notes')?.remove();
  section.classList.add('present');
  ensureHeading(section, slide);
  const frame = document.createElement('div');
  frame.className = 'reveal handout-slide';
  if (slide.attributes.background) frame.style.background = slide.attributes.background;
  const slides = document.createElement('div');
  slides.className = 'slides';
  slides.append(section);
  frame.append(slides);
  item.append(number, frame);

  if (slide.notesHtml) {
    const notes = document.createElement('div');
    notes.className = 'handout-notes';
    notes.innerHTML = `<p class="handout-notes-label">${UI_STRINGS.notesTitle}</p>${slide.notesHtml}`;
    item.append(notes);
  }
  return item;
}

const MARGIN_TEXT = `font-family: '${FONT_FAMILY}', sans-serif; font-size: 8pt; color: #5a5a5a;`;

/** A4 pages with the talk's title at the top and page numbers at the bottom; only for this view. */
function pageStyle(deck: Deck): HTMLStyleElement {
  const style = document.createElement('style');
  const header = cssString(`${deck.meta.title} · ${deck.meta.author}`);
  style.textContent = `@page {
    size: A4 portrait;
    margin: 15mm 14mm 14mm;
    @top-left { content: ${header}; ${MARGIN_TEXT} }
    @bottom-right { content: counter(page) " / " counter(pages); ${MARGIN_TEXT} }
  }`;
  return style;
}

function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}
