// The one module that owns reveal.js: creates it with the deck's settings and hands the API on.
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig } from 'reveal.js';
import { FIRST_VIEW_SLIDES, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';

/** reveal.js settings for this deck; the print view reuses them. */
export function revealConfig(reducedMotion: boolean): RevealConfig {
  return {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    margin: 0,
    center: false,
    hash: true,
    history: true,
    respondToHashChanges: true,
    fragmentInURL: true,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    keyboard: true,
    overview: true,
    touch: true,
    // Our bilingual shortcuts overlay (shortcuts-overlay.ts) replaces reveal's English-only help.
    help: false,
    // Our own jump (jump-to-slide.ts) also matches Chinese text.
    jumpToSlide: false,
    // No sliding: the next slide is on screen in the first frame after the key press, and
    // theme.css then settles it in with a short animation (none under reduced motion).
    transition: 'none',
    backgroundTransition: reducedMotion ? 'none' : 'fade',
    transitionSpeed: 'fast',
    // Slides closer than this to the current one are laid out; the build ships their glyphs first.
    viewDistance: FIRST_VIEW_SLIDES,
    pdfSeparateFragments: false,
    hideCursorTime: 3000,
  };
}

/** Starts reveal.js on `.reveal` and resolves when it is ready. */
export async function startReveal(root: HTMLElement, config: RevealConfig): Promise<RevealApi> {
  // reveal.js itself is patched (patches/reveal.js+6.0.2.patch) so that a key press does only the
  // work the next frame needs, whatever the deck's length.
  const reveal = new Reveal(root, config);
  await reveal.initialize();
  return reveal;
}
