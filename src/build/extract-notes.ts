// Separates a slide's speaker notes from its content: everything after a `Note:` line (reveal.js's
// Markdown convention) that is not inside a code fence or comment.
import { LineContext } from './line-context.js';

const NOTES_MARKER = /^Notes?:\s*(.*)$/;

export interface SlideParts {
  content: string;
  notes: string;
  /** 0-based line index within the body where the notes start, or -1. */
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
      const notes = [match[1]!, ...lines.slice(i + 1)].join('\n').trim();
      return { content: lines.slice(0, i).join('\n'), notes, notesIndex: i };
    }
  }
  return { content: body, notes: '', notesIndex: -1 };
}
