// How big a slide, a file or a formula may be, checked at build time. Past these a deck still
// builds, and then blocks the browser (or the PDF export) for minutes, or overflows the Markdown
// parser's stack: refusing with `file:line` is kinder. One place, so the numbers are easy to find;
// the talk in slides/ stays far below each (its largest slide is about 2 KB, 5 list items).

/** A slide file on disk: read no further than this (a slide file is text a person wrote). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** deck.yaml holds five short values. */
export const MAX_META_BYTES = 16 * 1024;
/** One slide's Markdown, notes included. */
export const MAX_SLIDE_BYTES = 32 * 1024;
/** The HTML one slide renders to, notes included: formulas and tables multiply the Markdown (the talk's largest is 4 KB). */
export const MAX_SLIDE_HTML_BYTES = 256 * 1024;
/** Lists and `>` quotes inside each other (marked parses them recursively; past a few thousand levels its stack overflows). */
export const MAX_NESTING = 16;
/** Columns of one table (a 16:9 slide shows perhaps eight). */
export const MAX_TABLE_COLUMNS = 12;
/** List items on one slide, nested ones included. */
export const MAX_LIST_ITEMS = 40;
/** An unbroken run of Latin letters, digits or URL characters: it cannot wrap where a person can read it. */
export const MAX_WORD_CHARS = 80;
/** One formula's TeX source. */
export const MAX_TEX_CHARS = 1000;
/** A size written in TeX (`\rule`, `\kern`, `\hspace`…), in em; KaTeX also caps every size here (`maxSize`). */
export const MAX_TEX_SIZE_EM = 20;
/** Macro expansions in one formula (KaTeX's `maxExpand`: stops `\def\a{\a\a}`). */
export const MAX_TEX_EXPANSIONS = 1000;
/** One image file. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Problems listed per file; the rest are counted, so one broken file does not bury the others. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** Container markers at the start of a line: `>`, `-`, `+`, `*`, `1.` or `1)`, each followed by a space or the end. */
const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const INDENT = /^[ \t]*/;
/** Characters a line may break at or next to: white space, Han, kana, Hangul, full-width forms. */
const BREAKABLE = '\\s\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const UNBROKEN_RUN = new RegExp(`[^${BREAKABLE}]{${MAX_WORD_CHARS + 1},}`, 'u');
/** A TeX dimension: a number and a unit, e.g. `1000em`, `3.5 cm`. */
const TEX_SIZE = /(\d+(?:\.\d*)?|\.\d+)\s*(em|ex|mu|pt|pc|px|bp|dd|cc|sp|mm|cm|in)(?![a-zA-Z])/g;
/** Each TeX unit in em, as KaTeX converts them (10 pt to the em). */
const EM_PER_UNIT: Record<string, number> = {
  em: 1,
  ex: 0.431,
  mu: 1 / 18,
  pt: 0.1,
  pc: 1.2,
  px: 0.1 * (72.27 / 72),
  bp: 0.1 * (72.27 / 72),
  dd: 0.1 * (1238 / 1157),
  cc: 1.2 * (1238 / 1157),
  sp: 0.1 / 65536,
  mm: 0.1 * (72.27 / 25.4),
  cm: 0.1 * (72.27 / 2.54),
  in: 0.1 * 72.27,
};

/**
 * How deeply a line of Markdown nests lists and quotes: its container markers (`> - 1.`) plus
 * its indentation in steps of two columns (a nested list item is indented under its parent).
 * Over-counts an indented code block, which is harmless at these depths.
 */
export function nestingDepth(line: string): number {
  let depth = 0;
  let rest = line;
  for (let marker = CONTAINER_MARKER.exec(rest); marker; marker = CONTAINER_MARKER.exec(rest)) {
    depth += 1 + Math.floor(columns(INDENT.exec(marker[0])![0]) / 2);
    rest = rest.slice(marker[0].length);
    if (depth > MAX_NESTING) return depth;
  }
  return depth + Math.floor(columns(INDENT.exec(rest)![0]) / 2);
}

/** The first run of characters in `text` longer than MAX_WORD_CHARS that a line cannot break in, or null. */
export function unbrokenRun(text: string): string | null {
  return UNBROKEN_RUN.exec(text)?.[0] ?? null;
}

/** The largest size written in `tex`, in em, with the text that wrote it (or null when it has none). */
export function largestTexSize(tex: string): { em: number; written: string } | null {
  let largest: { em: number; written: string } | null = null;
  for (const match of tex.matchAll(TEX_SIZE)) {
    const em = Number(match[1]) * EM_PER_UNIT[match[2]!]!;
    if (!largest || em > largest.em) largest = { em, written: match[0].replace(/\s+/g, '') };
  }
  return largest;
}

/** Bytes as a person reads them: `2.0 MB`, `40 KB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Tab stops every four columns, as CommonMark counts indentation. */
function columns(indent: string): number {
  let width = 0;
  for (const c of indent) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
