// reveal.js hides every slide beyond `viewDistance` again on every slide change: it calls
// `slideContent.unload()` on each of them, which sets `display: none` and runs three
// querySelectorAll over the slide and its background. That makes a key press cost O(slides):
// at 1,000 slides it was most of reveal's work per change. A slide that was unloaded and not
// loaded since is still unloaded, so the repeat is skipped; everything else runs as reveal wrote it.

interface SlideContent {
  load(slide: HTMLElement, options?: unknown): void;
  unload(slide: HTMLElement): void;
}

/**
 * Makes `reveal`'s `slideContent.unload(slide)` a no-op while `slide` is still unloaded (not
 * loaded since, and still `display: none`, so nothing else showed it). Call before
 * `initialize()` (reveal-deck.ts does it from a plugin). Does nothing if this reveal.js has no
 * such controller (a future version).
 */
export function unloadOnce(reveal: object): void {
  // Not in reveal.js's typings, but on its API object and the very instance it calls internally.
  const content = (reveal as { slideContent?: Partial<SlideContent> }).slideContent;
  if (typeof content?.load !== 'function' || typeof content.unload !== 'function') return;
  const load = content.load.bind(content);
  const unload = content.unload.bind(content);
  const unloaded = new WeakSet<HTMLElement>();
  content.load = (slide, options) => {
    unloaded.delete(slide);
    load(slide, options);
  };
  content.unload = (slide) => {
    if (unloaded.has(slide) && slide.style.display === 'none') return;
    unload(slide);
    unloaded.add(slide);
  };
}
