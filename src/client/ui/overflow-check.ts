// Dev server only (main.ts calls it under import.meta.env.DEV, so the build drops it): lays out
// every slide off screen, fully built, at its 1280×720 size, and reports the slides whose content
// leaves the frame, with the file and line the slide starts at. The same measure as the e2e
// test's (tests/e2e/deck-page.ts `spills`), found while writing instead of after.
import type { Diagnostic, Slide } from '../../shared/deck.js';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';
import { showLayoutProblems } from './dev-overlay.js';
import { renderSection } from './render-sections.js';

/** Less than this many pixels outside the frame is rounding, not overflow. */
const TOLERANCE = 1;
const SIDES = ['top', 'right', 'bottom', 'left'] as const;
type Side = (typeof SIDES)[number];
const SIDE_NAMES: Record<Side, string> = {
  top: 'at the top',
  right: 'on the right',
  bottom: 'at the bottom',
  left: 'on the left',
};

let latest = 0;

/** Measures `slides` and lists the ones that overflow in the dev overlay; a newer call supersedes an older one. */
export function reportOverflow(slides: Slide[]): void {
  const run = ++latest;
  measureOverflow(slides).then(
    (found) => {
      if (run === latest) showLayoutProblems(found);
    },
    (error: unknown) => console.warn('deck: could not measure the slides for overflow', error),
  );
}

/** One `overflow` diagnostic per slide whose content (every build step shown) leaves its frame. */
export async function measureOverflow(slides: Slide[]): Promise<Diagnostic[]> {
  // A second reveal-like tree, so the theme lays the copies out exactly as the real slides; not
  // painted, not focusable, hidden from assistive technology, and removed once measured.
  const probe = document.createElement('div');
  probe.className = 'reveal deck-overflow-probe';
  probe.setAttribute('aria-hidden', 'true');
  probe.inert = true;
  const size = { width: `${SLIDE_WIDTH}px`, height: `${SLIDE_HEIGHT}px` };
  Object.assign(probe.style, size, {
    position: 'fixed',
    left: `${-4 * SLIDE_WIDTH}px`,
    top: '0',
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  const container = document.createElement('div');
  container.className = 'slides';
  Object.assign(container.style, size);
  probe.append(container);
  const copies = slides.map((slide) => {
    const section = renderSection(slide);
    // The page already has this id (and hash links point at it).
    section.removeAttribute('id');
    section.removeAttribute('aria-label');
    section.style.display = 'block';
    // A problem box is the dev server's addition, not the slide's content.
    section.querySelectorAll('.deck-problems, aside.notes').forEach((element) => element.remove());
    section.querySelectorAll('.fragment').forEach((element) => element.classList.add('visible'));
    section.querySelectorAll('img').forEach((image) => (image.loading = 'eager'));
    container.append(section);
    return { slide, section };
  });
  document.body.append(probe);
  try {
    await settled(probe);
    return copies.flatMap(({ slide, section }) => {
      const overflow = overflowOf(section);
      return overflow ? [diagnostic(slide, overflow)] : [];
    });
  } finally {
    probe.remove();
  }
}

/** Waits until the copies' images and the glyphs they need have loaded (laying them out asks for the fonts). */
async function settled(probe: HTMLElement): Promise<void> {
  await Promise.all([...probe.querySelectorAll('img')].map((image) => image.decode().catch(() => {})));
  for (let round = 0; round < 3; round++) {
    probe.getBoundingClientRect();
    await document.fonts.ready;
    if (document.fonts.status === 'loaded') return;
  }
}

/** How far (px) the content of `section` reaches beyond its frame on each side, or null when it fits. */
function overflowOf(section: HTMLElement): Record<Side, number> | null {
  const frameElement = section.querySelector('.slide-frame');
  if (!frameElement) return null;
  const frame = frameElement.getBoundingClientRect();
  const beyond: Record<Side, number> = { top: 0, right: 0, bottom: 0, left: 0 };
  const take = (r: DOMRect) => {
    if (r.width * r.height <= 0) return;
    beyond.top = Math.max(beyond.top, frame.top - r.top);
    beyond.right = Math.max(beyond.right, r.right - frame.right);
    beyond.bottom = Math.max(beyond.bottom, r.bottom - frame.bottom);
    beyond.left = Math.max(beyond.left, frame.left - r.left);
  };
  // KaTeX's MathML copy is for screen readers, clipped to nothing on screen: it cannot spill.
  const unseen = (element: Element | null) => Boolean(element?.closest('.katex-mathml'));
  for (const element of frameElement.querySelectorAll('*'))
    if (!unseen(element)) take(element.getBoundingClientRect());
  // Text can overflow a box that itself fits (an unbreakable run): check the text itself too.
  const walker = document.createTreeWalker(frameElement, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (unseen(node.parentElement)) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) take(rect);
  }
  return SIDES.some((side) => beyond[side] > TOLERANCE) ? beyond : null;
}

/** `slide "…" overflows its 1280×720 frame by 84 px at the bottom`, at the slide's file:line. */
function diagnostic(slide: Slide, beyond: Record<Side, number>): Diagnostic {
  const amounts = SIDES.filter((side) => beyond[side] > TOLERANCE)
    .sort((a, b) => beyond[b] - beyond[a])
    .map((side) => `${Math.round(beyond[side])} px ${SIDE_NAMES[side]}`);
  const name = slide.title || slide.id;
  return {
    severity: 'warning',
    code: 'overflow',
    ...slide.source,
    message: `slide "${name}" overflows its ${SLIDE_WIDTH}×${SLIDE_HEIGHT} frame by ${amounts.join(' and ')}`,
  };
}
