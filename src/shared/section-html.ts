// A slide as the reveal.js `<section>` markup, written by the build (the title slide prerendered
// into index.html) and by the browser (the other slides, hot updates, previews): one definition,
// so the section reveal.js takes over is the section the browser would have made.
import type { Slide, SlideAttributes } from './deck.js';
import { escapeHtml } from './escape-html.js';

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

/** The section's attributes, in the order they are written. `classes` are added to the slide's own. */
export function sectionAttributes(slide: Slide, classes: string[] = []): [string, string][] {
  const attributes = new Map<string, string>();
  for (const key of Object.keys(slide.attributes) as (keyof SlideAttributes)[]) {
    const value = slide.attributes[key];
    if (value === undefined) continue;
    const attribute = (ATTRIBUTE_MAP[key] as (v: unknown) => [string, string] | null)(value);
    if (attribute) attributes.set(...attribute);
  }
  attributes.set('id', slide.id);
  attributes.set('data-index', String(slide.index));
  attributes.set('data-source', `${slide.source.file}:${slide.source.line}`);
  const classList = [
    ...(attributes.get('class') ?? '').split(/\s+/),
    ...(slide.broken ? ['broken'] : []),
    ...classes,
  ].filter(Boolean);
  if (classList.length > 0) attributes.set('class', [...new Set(classList)].join(' '));
  else attributes.delete('class');
  if (slide.title) attributes.set('aria-label', slide.title);
  return [...attributes];
}

/**
 * The `<section>` for one slide: its HTML in a `.slide-frame` (which carries the layout, so
 * reveal.js can keep its own inline styles on the section), its notes in an `<aside class="notes">`.
 */
export function sectionHtml(slide: Slide, classes: string[] = []): string {
  const attributes = sectionAttributes(slide, classes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const notes = slide.notesHtml ? `<aside class="notes">${slide.notesHtml}</aside>` : '';
  return `<section${attributes}><div class="slide-frame">${slide.html}</div>${notes}</section>`;
}
