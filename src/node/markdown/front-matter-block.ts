// Tells a slide's front matter from its content, right after a `---`. Front matter is a block of
// `key: value` lines (comments and blank lines allowed) closed by `---`, in which at least one key
// is an allowed key; a block of other `Q: …` lines is content. A block that opens with an allowed
// key and a value it may have, but runs into content before any `---`, is front matter never closed.
import { parse } from 'yaml';
import { NOTES_MARKER } from './extract-notes.js';
import { readFrontMatterLines, type KeyLine } from './front-matter-lines.js';
import { intendedKey, isValidValue } from './front-matter.js';

/** A line `---`: a slide separator, and the line that opens and closes front matter. */
export const SEPARATOR = /^---\s*$/;

export interface FrontMatterBlock {
  /** 0-based index of the closing `---`; when never closed, of the first line after the last key. */
  end: number;
  closed: boolean;
}

/** Finds the front matter starting at 0-based line `start` (the line after a `---`), or null when the slide has none. */
export function findFrontMatter(lines: readonly string[], start: number): FrontMatterBlock | null {
  const keys: KeyLine[] = [];
  // After the last key or a line of its value: where front matter never closed ends.
  let afterKeys = start;
  // Read no further than the next `---`: front matter never holds one.
  let next = start;
  while (next < lines.length && !SEPARATOR.test(lines[next]!)) next++;
  const read = readFrontMatterLines(lines.slice(start, next));
  for (const [offset, line] of read.entries()) {
    // `Note:` looks like a key to YAML, but it starts the notes, wherever it is.
    const notes = NOTES_MARKER.test(lines[start + offset]!.trimStart());
    const isKey = line.kind === 'key' && !notes && (line.spaced || intendedKey(line.key) !== null);
    if (isKey) keys.push(line);
    else if (line.kind === 'other' || line.kind === 'key' || notes) {
      return keys[0] && isLikelyKey(keys[0]) ? { end: afterKeys, closed: false } : null;
    }
    if (isKey || line.kind === 'continuation') afterKeys = start + offset + 1;
  }
  if (next < lines.length) return keys.some(isAllowedKey) ? { end: next, closed: true } : null;
  return keys[0] && isLikelyKey(keys[0]) ? { end: afterKeys, closed: false } : null;
}

/** In a closed block: an allowed key as written, or a near miss of one with a value it may have. */
function isAllowedKey(line: KeyLine): boolean {
  const meant = intendedKey(line.key);
  return meant === line.key || (meant !== null && isValidValue(meant, yamlScalar(line.value)));
}

/** Opening a block never closed: an allowed key (or a near miss) with a value it may have, e.g. `id: intro`, not `Background: …`. */
function isLikelyKey(line: KeyLine): boolean {
  const meant = intendedKey(line.key);
  return meant !== null && isValidValue(meant, yamlScalar(line.value));
}

/** A one-line value as YAML reads it (`30` a number, `"a"` a string); undefined when it is not valid YAML. */
function yamlScalar(value: string): unknown {
  try {
    return parse(value) as unknown;
  } catch {
    return undefined;
  }
}
