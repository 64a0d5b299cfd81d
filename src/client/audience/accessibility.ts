// Makes the deck readable with a screen reader: reveal.js marks its wrapper role="application",
// which turns off browse mode, and never announces slide changes.
import type { RevealApi } from 'reveal.js';

/** Removes role="application", labels the deck and announces each new slide's title. Returns an undo. */
export function announceSlides(deck: RevealApi, label: string): () => void {
  const root = deck.getRevealElement();
  if (!root) return () => {};
  root.removeAttribute('role');
  root.setAttribute('aria-roledescription', label);
  const live = document.createElement('div');
  live.className = 'deck-announcer visually-hidden';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  document.body.append(live);
  const announce = () => {
    const slide = deck.getCurrentSlide();
    const state = deck.getIndices();
    live.textContent = `${slide?.getAttribute('aria-label') ?? ''}（${state.h + 1}/${deck.getTotalSlides()}）`;
  };
  deck.on('slidechanged', announce);
  return () => {
    deck.off('slidechanged', announce);
    live.remove();
  };
}
