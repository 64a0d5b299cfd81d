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

/** True between Vite's `vite:beforeUpdate` and `vite:afterUpdate`: the overlay stays off the page. */
let updating = false;

/**
 * An update is starting: takes the overlay off the page, keeping what it lists, until
 * resumeOverlay. Vite reloads the page on its first update if an error overlay is open then (it
 * assumes the page failed to load); ours only lists slide problems, and one must not come back
 * in the meantime (a measurement finishing, say) and cost the author a reload.
 */
export function pauseOverlay(): void {
  updating = true;
  removeOverlays();
}

/** The update is done: shows the overlay again for what is listed now. */
export function resumeOverlay(): void {
  updating = false;
  refreshOverlay();
}

function removeOverlays(): void {
  document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
}

/** Shows the overlay for what is listed now, or closes it when nothing is (never during an update). */
function refreshOverlay(): void {
  removeOverlays();
  const problems = [...shown.deck, ...shown.layout];
  const Overlay = customElements.get('vite-error-overlay');
  if (updating || problems.length === 0 || !Overlay) return;
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
