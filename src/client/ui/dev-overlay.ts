// In the dev server, shows the slides' problems in Vite's error overlay (the broken slide itself
// also shows them in place, and the rest of the deck keeps working).
import type { Diagnostic } from '../../shared/deck.js';

/** Opens Vite's overlay listing `diagnostics`, or closes it when there are none. */
export function showDiagnostics(diagnostics: Diagnostic[]): void {
  document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const Overlay = customElements.get('vite-error-overlay');
  if (errors.length === 0 || !Overlay) return;
  const first = errors[0]!;
  const message = errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n');
  const err = {
    message,
    stack: '',
    id: first.file,
    plugin: 'deck',
    loc: { file: first.file, line: first.line, column: 1 },
  };
  document.body.append(new Overlay(err));
}
