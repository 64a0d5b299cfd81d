// The one module that owns reveal.js: creates it with the deck's settings and hands the API on.
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig, RevealPlugin } from 'reveal.js';
import { skipHashEcho } from './reveal-hash-echo.js';
import { unloadOnce } from './reveal-unload-once.js';
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

/**
 * A plugin only to reach reveal.js's internal deck object: its controllers (`slideContent`,
 * `location`) are not on the public API that `new Reveal()` returns, but plugins' `init` gets
 * the object they are called through. It runs before reveal's first pass over the slides.
 */
const LEANER_SLIDE_CHANGES: RevealPlugin = {
  id: 'leaner-slide-changes',
  init(deck) {
    // Both keep reveal's per-key-press work from walking every slide more often than it must.
    unloadOnce(deck);
    skipHashEcho(deck);
  },
};

/** Starts reveal.js on `.reveal` and resolves when it is ready. */
export async function startReveal(root: HTMLElement, config: RevealConfig): Promise<RevealApi> {
  const plugins: unknown[] = [...((config.plugins ?? []) as unknown[]), LEANER_SLIDE_CHANGES];
  const reveal = new Reveal(root, { ...config, plugins });
  await reveal.initialize();
  return reveal;
}
