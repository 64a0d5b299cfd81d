// Entry of the deck page: the audience view, or the presenter console with `?presenter`.
import 'reveal.js/reveal.css';
import 'katex/dist/katex.min.css';
import 'virtual:deck-font.css';
import './theme.css';
import deck from 'virtual:deck';
import type { RevealApi } from 'reveal.js';
import type { Deck } from '../shared/deck.js';
import { announceSlides } from './accessibility.js';
import { presenterUrl, syncAudience } from './audience-sync.js';
import { showDiagnostics } from './dev-overlay.js';
import { bindJumpToSlide } from './jump-to-slide.js';
import { startPresenter } from './presenter.js';
import { renderSections } from './render-sections.js';
import { revealConfig, startReveal } from './reveal-deck.js';
import { UI_STRINGS } from './ui-strings.js';

const S_KEY = 83;

async function startAudience(data: Deck): Promise<RevealApi> {
  const root = document.querySelector<HTMLElement>('.reveal')!;
  renderSections(root.querySelector('.slides')!, data.slides);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const reveal = await startReveal(root, revealConfig(reducedMotion));
  announceSlides(reveal, UI_STRINGS.deckLabel);
  bindJumpToSlide(reveal, data.slides);
  syncAudience(reveal, data.meta.title);
  reveal.addKeyBinding({ keyCode: S_KEY, key: 'S', description: UI_STRINGS.speakerView }, () => {
    if (!window.open(presenterUrl(), 'deck-presenter', 'popup,width=1100,height=700')) window.alert(`${UI_STRINGS.popupBlocked}: ${presenterUrl()}`);
  });
  reveal.on('pdf-ready', () => (document.documentElement.dataset.pdfReady = 'true'));
  await document.fonts.ready;
  document.documentElement.dataset.deckReady = 'true';
  return reveal;
}

if (new URLSearchParams(window.location.search).has('presenter')) {
  startPresenter(deck);
} else {
  const ready = startAudience(deck);
  if (import.meta.env.DEV) showDiagnostics(deck.diagnostics);
  if (import.meta.hot) {
    // A slide file changed: swap the slides in place and stay on the same slide (by id when it still exists).
    import.meta.hot.accept('virtual:deck', async (module) => {
      const next = (module as { default: Deck } | undefined)?.default;
      if (!next) return;
      const reveal = await ready;
      const { h, f } = reveal.getIndices();
      const id = reveal.getCurrentSlide()?.id;
      renderSections(document.querySelector('.reveal .slides')!, next.slides);
      reveal.sync();
      const index = next.slides.findIndex((s) => s.id === id);
      reveal.slide(index >= 0 ? index : Math.min(h, next.slides.length - 1), 0, f);
      showDiagnostics(next.diagnostics);
    });
  }
}
