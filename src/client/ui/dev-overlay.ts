// In the dev server, shows the slides' problems in Vite's error overlay (the broken slide itself
// also shows them in place, and the rest of the deck keeps working): the deck's own diagnostics
// (Markdown, TeX, images, glyphs the font lacks) and what measuring the laid-out slides found.
import type { Diagnostic } from '../../shared/deck.js';

/** What the overlay lists: the deck's problems, then the layout's (overflow-check.ts). */
const shown = { deck: [] as Diagnostic[], layout: [] as Diagnostic[] };

/** Lists the deck's `diagnostics` in Vite's overlay with the layout problems, or closes it when there are none. */
export function showDiagnostics(diagnostics: Diagnostic[]): void {
  shown.deck = diagnostics;
  refreshOverlay();
}

/** Replaces the layout problems (slides that overflow their frame) the overlay lists. */
export function showLayoutProblems(diagnostics: Diagnostic[]): void {
  shown.layout = diagnostics;
  refreshOverlay();
}

/**
 * Takes the overlay off the page, keeping what it lists. Vite reloads the page on its first
 * update if an error overlay is open (it assumes the page failed to load); ours only lists
 * slide problems, so it is closed before an update and shown again after it.
 */
export function hideOverlay(): void {
  document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
}

/** Shows the overlay for what is listed now (after hideOverlay, or when the list changed). */
export function refreshOverlay(): void {
  hideOverlay();
  const problems = [...shown.deck, ...shown.layout];
  const Overlay = customElements.get('vite-error-overlay');
  if (problems.length === 0 || !Overlay) return;
  const first = problems[0]!;
  const message = problems.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n');
  const err = {
    message,
    stack: '',
    id: first.file,
    plugin: 'deck',
    loc: { file: first.file, line: first.line, column: 1 },
  };
  document.body.append(new Overlay(err));
}
