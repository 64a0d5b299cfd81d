// Separates a slide's speaker notes from its content: everything after a `Note:` line (reveal.js's
// Markdown convention) that is not inside a code fence or comment.
import { LineContext } from './line-context.js';

const NOTES_MARKER = /^Notes?:\s*(.*)$/;

export interface SlideParts {
  content: string;
  notes: string;
  /** 0-based line index within the body of the first line of `notes` (the marker's line if text follows it), or -1. */
  notesIndex: number;
}

/** Splits a slide body into content and notes. */
export function extractNotes(body: string): SlideParts {
  const lines = body.split('\n');
  const context = new LineContext();
  for (let i = 0; i < lines.length; i++) {
    if (!context.feed(lines[i]!, i)) continue;
    const match = lines[i]!.match(NOTES_MARKER);
    if (match) {
      const rest = [match[1]!, ...lines.slice(i + 1)].join('\n');
      const notes = rest.trim();
      // Blank lines trimmed off the top move the notes down: count them, so messages point at the right line.
      const skipped = notes ? rest.slice(0, rest.length - rest.trimStart().length).split('\n').length - 1 : 0;
      return { content: lines.slice(0, i).join('\n'), notes, notesIndex: i + skipped };
    }
  }
  return { content: body, notes: '', notesIndex: -1 };
}
