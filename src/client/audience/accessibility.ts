// Makes the deck readable with a screen reader: reveal.js marks its wrapper role="application",
// which turns off browse mode, and never announces slide changes.
import type { RevealApi } from 'reveal.js';

/** Removes role="application", labels the deck and announces each new slide's title. Returns an undo. */
export function announceSlides(reveal: RevealApi, label: string): () => void {
  const root = reveal.getRevealElement();
  if (!root) return () => {};
  root.removeAttribute('role');
  root.setAttribute('aria-roledescription', label);
  const live = document.createElement('div');
  live.className = 'deck-announcer visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  document.body.append(live);
  const announce = () => {
    const slide = reveal.getCurrentSlide();
    const state = reveal.getIndices();
    live.textContent = `${slide?.getAttribute('aria-label') ?? ''}（${state.h + 1}/${reveal.getTotalSlides()}）`;
  };
  reveal.on('slidechanged', announce);
  return () => {
    reveal.off('slidechanged', announce);
    live.remove();
  };
}
