// Constants that the build (Node) and the browser must agree on. This folder is the only code
// both sides import; everything here is plain data.

/** The slide's logical size in CSS pixels (16:9); reveal.js scales it to the window. */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

/** The family name of the bundled Chinese font, as the generated @font-face rules declare it. */
export const FONT_FAMILY = 'Deck Sans';

/**
 * How many slides around the current one reveal.js lays out (`viewDistance`). The build ships
 * the glyphs of the first this-many slides first, so the opening slides need no second font file.
 */
export const FIRST_VIEW_SLIDES = 3;

/**
 * The class the boot script (the one inline script of the built index.html) puts on <html> when the
 * page will not show the prerendered title first: a deep link, the console, the phone, print views.
 */
export const PRERENDER_OFF_CLASS = 'deck-prerender-off';

/**
 * Marks the built page's stylesheet (`<link disabled>`) and script (`<script type="deck/after-paint">`),
 * which the boot script loads once the title has painted; the one-file export inlines them as usual.
 */
export const AFTER_PAINT_ATTRIBUTE = 'data-after-paint';
