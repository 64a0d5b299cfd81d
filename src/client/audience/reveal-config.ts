// The deck's reveal.js settings, apart from reveal.js itself so that they are plain data to test.
import type { RevealConfig } from 'reveal.js';
import type { Slide } from '../../shared/deck.js';
import { FIRST_VIEW_SLIDES, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';

/**
 * reveal.js's background fade, only for a deck with a slide background to fade. It transitions
 * `all` properties of every background for 800 ms after each slide change, `visibility`
 * among them, which the compositor cannot run: frames of main-thread work for nothing.
 */
export function backgroundTransition(reducedMotion: boolean, slides: readonly Slide[]): 'none' | 'fade' {
  return !reducedMotion && slides.some((slide) => slide.attributes.background) ? 'fade' : 'none';
}

/** reveal.js settings for this deck; the print view reuses them. */
export function revealConfig(reducedMotion: boolean, slides: readonly Slide[]): RevealConfig {
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
    backgroundTransition: backgroundTransition(reducedMotion, slides),
    transitionSpeed: 'fast',
    // Slides closer than this to the current one are laid out; the build ships their glyphs first.
    viewDistance: FIRST_VIEW_SLIDES,
    pdfSeparateFragments: false,
    hideCursorTime: 3000,
  };
}
