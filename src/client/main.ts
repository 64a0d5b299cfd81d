// Entry of the deck page: the audience view, the presenter console with `?presenter`, the phone
// remote with `?phone`, or the speaker handout with `?view=handout` (reveal's print view is
// `?view=print`).
import 'reveal.js/reveal.css';
import 'virtual:deck-math.css';
import 'virtual:deck-font.css';
import './audience/theme.css';
import './audience/diagrams.css';
import './audience/prerender.css';
import deck from 'virtual:deck';
import type { RevealApi } from 'reveal.js';
import type { Deck } from '../shared/deck.js';
import { announceSlides } from './audience/accessibility.js';
import { syncAudience } from './sync/audience-sync.js';
import { createLaserPointer, type LaserPointer } from './audience/laser-pointer.js';
import { pauseOverlay, resumeOverlay, showDiagnostics } from './ui/dev-overlay.js';
import { reportOverflow } from './ui/overflow-check.js';
import { startHandout } from './print/handout.js';
import { bindJumpToSlide } from './audience/jump-to-slide.js';
import { startPresenter } from './presenter/presenter.js';
import { startPhone } from './phone/phone.js';
import { openPresenterConsole } from './audience/presenter-launch.js';
import { printOptions } from './print/print-options.js';
import { preparePrintView, printConfig } from './print/print-view.js';
import { completeSections, renderSections } from './ui/render-sections.js';
import { backgroundTransition, revealConfig } from './audience/reveal-config.js';
import { startReveal } from './audience/reveal-deck.js';
import { bindShortcutsOverlay } from './ui/shortcuts-overlay.js';
import { UI_STRINGS } from '../shared/ui-strings.js';
import { stylesheetsLoaded } from './ui/stylesheets-loaded.js';

const S_KEY = 83;
const print = printOptions(window.location.search);
/** The slides on the page: the built ones, then each hot update's. */
let shownSlides = deck.slides;

async function startAudience(deck: Deck): Promise<RevealApi> {
  const root = document.querySelector<HTMLElement>('.reveal')!;
  const slides = root.querySelector<HTMLElement>('.slides')!;
  completeSections(slides, deck.slides);
  const reveal = await startReveal(root, {
    ...revealConfig(reducedMotion(), deck.slides),
    ...printConfig(print),
  });
  announceSlides(reveal, UI_STRINGS.deckLabel);
  bindJumpToSlide(reveal, () => shownSlides);
  // Made at the first pointer message: most talks (and every print view) never get one.
  let laser: LaserPointer | undefined;
  syncAudience(reveal, deck.meta.title, (at) => (laser ??= createLaserPointer(slides)).show(at));
  reveal.addKeyBinding(
    { keyCode: S_KEY, key: 'S', description: UI_STRINGS.speakerView },
    openPresenterConsole,
  );
  bindShortcutsOverlay('audience');
  if (print.view === 'print') preparePrintView(reveal, deck, print);
  await document.fonts.ready;
  document.documentElement.dataset.deckReady = 'true';
  // The opening slides' glyphs came first (unicode-range subsets): once the title is painted,
  // fetch the rest, before a key press needs them.
  requestAnimationFrame(() => setTimeout(loadRemainingFonts));
  return reveal;
}

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function loadRemainingFonts(): void {
  for (const face of document.fonts) if (face.status === 'unloaded') face.load().catch(() => {});
}

const query = new URLSearchParams(window.location.search);
if (query.has('presenter') || query.has('phone')) {
  void stylesheetsLoaded().then(() => (query.has('phone') ? startPhone(deck) : startPresenter(deck)));
  // A slide file changed: the console and the phone keep their state in storage, so a reload is the simple, honest update.
  if (import.meta.hot) import.meta.hot.accept('virtual:deck', () => window.location.reload());
} else if (print.view === 'handout') {
  void stylesheetsLoaded().then(() => startHandout(deck, print));
} else {
  // The title came inside the page and has painted in its font before this script was loaded.
  const ready = stylesheetsLoaded().then(() => startAudience(deck));
  if (import.meta.env.DEV) {
    showDiagnostics(deck.diagnostics);
    void ready.then(() => reportOverflow(deck.slides));
  }
  if (import.meta.hot) {
    // Vite reloads the page on the first update if an error overlay is open (it assumes the page
    // failed to load). Ours only lists slide problems: off the page during an update, back after.
    import.meta.hot.on('vite:beforeUpdate', pauseOverlay);
    import.meta.hot.on('vite:afterUpdate', resumeOverlay);
    import.meta.hot.accept('virtual:deck', (module) => {
      const next = (module as { default: Deck } | undefined)?.default;
      if (next) void ready.then((reveal) => swapSlides(reveal, next));
    });
  }
}

/**
 * The slide shown before an update dropped it, and its build step. A rename is a deletion then an
 * addition, often two updates: the slide comes back with the second one, and so does the page.
 */
let lostSlide: { id: string; step: number | undefined } | undefined;
/** True while swapSlides moves the deck (its own slide changes are not the presenter's). */
let swapping = false;
let watchingMoves = false;

/** A slide file changed, was added or removed: swap the slides in place and stay on the same slide (by id when it still exists). */
function swapSlides(reveal: RevealApi, next: Deck): void {
  if (!watchingMoves) {
    // Going to another slide forgets a lost one.
    reveal.on('slidechanged', () => {
      if (!swapping) lostSlide = undefined;
    });
    watchingMoves = true;
  }
  const { h, f } = reveal.getIndices();
  const wanted = lostSlide ?? { id: reveal.getCurrentSlide()?.id ?? '', step: f };
  swapping = true;
  try {
    renderSections(document.querySelector('.reveal .slides')!, next.slides);
    shownSlides = next.slides;
    reveal.configure({ backgroundTransition: backgroundTransition(reducedMotion(), next.slides) });
    reveal.sync();
    const index = next.slides.findIndex((s) => s.id === wanted.id);
    lostSlide = index >= 0 ? undefined : wanted;
    if (index >= 0) reveal.slide(index, 0, wanted.step);
    else if (next.slides.length > 0) reveal.slide(Math.min(h, next.slides.length - 1), 0);
  } finally {
    swapping = false;
  }
  showDiagnostics(next.diagnostics);
  reportOverflow(next.slides);
}
