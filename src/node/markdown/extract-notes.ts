// Separates a slide's speaker notes from its content: everything after a `Note:` line (reveal.js's
// Markdown convention) that is not inside a code fence or comment.
import { LineContext } from './line-context.js';
import { quotedLines } from './render-markdown.js';

/**
 * `Note:` or `Notes:` at the start of a line, in any letter case, with a plain or a full-width
 * colon (`Note：` is what a Chinese input method types). Text after it is the notes' first line.
 */
export const NOTES_MARKER = /^notes?[:：][ \t]*(.*)$/i;

export interface SlideParts {
  content: string;
  notes: string;
  /** 0-based line index within the body of the first line of `notes` (the marker's line if text follows it), or -1. */
  notesIndex: number;
  /**
   * 0-based line in the body of a marker after white space, or -1. It is taken as a marker (notes
   * are never shown by accident) and reported (it may have been meant as slide text).
   */
  indentedMarker: number;
}

/**
 * Splits a slide body into content and notes; runs for every slide. `plainLines`: lines that open a
 * fence or comment never closed, read as plain text (as the slide splitter read them).
 */
export function extractNotes(body: string, plainLines: readonly number[] = []): SlideParts {
  const lines = body.split('\n');
  const context = new LineContext(new Set(plainLines));
  let quoted: ReadonlySet<number> | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const plain = context.feed(line, i);
    const match = line.trimStart().match(NOTES_MARKER);
    if (!match) continue;
    // A marker in what looks like a fence or comment is quoted only if the renderer agrees (a
    // fence inside an HTML block is raw HTML, shown as text): never show notes by a misreading.
    if (!plain) {
      quoted ??= quotedLines(body);
      if (quoted.has(i)) continue;
    }
    const indented = line.trimStart() !== line;
    const rest = [match[1]!, ...lines.slice(i + 1)].join('\n');
    const notes = rest.trim();
    // Blank lines trimmed off the top move the notes down: count them, so messages point at the right line.
    const skipped = notes ? rest.slice(0, rest.length - rest.trimStart().length).split('\n').length - 1 : 0;
    return {
      content: lines.slice(0, i).join('\n'),
      notes,
      notesIndex: i + skipped,
      indentedMarker: indented ? i : -1,
    };
  }
  return { content: body, notes: '', notesIndex: -1, indentedMarker: -1 };
}
