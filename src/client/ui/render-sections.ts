// Puts the built slides into the page as reveal.js <section>s. The HTML was made at build time
// (src/shared/section-html.ts writes the markup); this only places it.
import type { Slide } from '../../shared/deck.js';
import { sectionHtml } from '../../shared/section-html.js';

/** Creates the `<section>` for one slide, with its notes in an `<aside class="notes">`. */
export function renderSection(slide: Slide): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = sectionHtml(slide);
  return template.content.firstElementChild as HTMLElement;
}

/** Replaces the contents of the slides container with every slide of the deck. */
export function renderSections(container: Element, slides: Slide[]): void {
  container.replaceChildren(...slides.map(renderSection));
}

/**
 * Keeps the sections the build wrote into index.html (the opening slide, painted before any
 * script ran) when they are the deck's first slides, and adds the others after them; anything
 * else (a page from an older build, a hand-edited one) is replaced by a fresh render.
 */
export function completeSections(container: Element, slides: Slide[]): void {
  const prerendered = [...container.children];
  const kept = prerendered.every((section, i) => section.id === slides[i]?.id);
  if (!kept || prerendered.length > slides.length) {
    renderSections(container, slides);
    return;
  }
  container.append(...slides.slice(prerendered.length).map(renderSection));
}
