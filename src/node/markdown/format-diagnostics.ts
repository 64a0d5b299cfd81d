// One line per problem, in the `file:line: message` form editors and terminals make clickable.
import type { Diagnostic } from '../../shared/deck.js';

/** Formats diagnostics for the terminal, a build failure or the error overlay. */
export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.message}`).join('\n');
}
