// Puts the built slides into the page as reveal.js <section>s. The HTML was made at build time;
// this only places it and maps front matter to reveal's data-* attributes.
import type { Slide, SlideAttributes } from '../../shared/deck.js';

/** Front-matter key → the `<section>` attribute reveal.js reads. One row per key. */
const ATTRIBUTE_MAP: {
  [K in keyof SlideAttributes]-?: (value: NonNullable<SlideAttributes[K]>) => [string, string] | null;
} = {
  id: (v) => ['id', v],
  class: (v) => ['class', v],
  transition: (v) => ['data-transition', v],
  background: (v) => ['data-background-color', v],
  timing: (v) => ['data-timing', String(v)],
  minutes: (v) => ['data-timing', String(v * 60)],
  'part-minutes': () => null,
  build: () => null,
};

/** Creates the `<section>` for one slide, with its notes in an `<aside class="notes">`. */
export function renderSection(slide: Slide): HTMLElement {
  const section = document.createElement('section');
  for (const key of Object.keys(slide.attributes) as (keyof SlideAttributes)[]) {
    const value = slide.attributes[key];
    if (value === undefined) continue;
    const attribute = (ATTRIBUTE_MAP[key] as (v: unknown) => [string, string] | null)(value);
    if (attribute) section.setAttribute(...attribute);
  }
  section.id = slide.id;
  section.dataset.index = String(slide.index);
  section.dataset.source = `${slide.source.file}:${slide.source.line}`;
  if (slide.broken) section.classList.add('broken');
  if (slide.title) section.setAttribute('aria-label', slide.title);
  // The frame carries the layout, so reveal.js can keep its own inline styles on the section.
  section.innerHTML = `<div class="slide-frame">${slide.html}</div>`;
  if (slide.notesHtml) {
    const notes = document.createElement('aside');
    notes.className = 'notes';
    notes.innerHTML = slide.notesHtml;
    section.append(notes);
  }
  return section;
}

/** Replaces the contents of the slides container with every slide of the deck. */
export function renderSections(container: Element, slides: Slide[]): void {
  container.replaceChildren(...slides.map(renderSection));
}
