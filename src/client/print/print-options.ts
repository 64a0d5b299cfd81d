// What a printable view was asked for in its URL: `?view=print` (reveal's print view, one page per
// slide), `&steps` (one page per build step), `?view=handout` (slides with notes on A4), and
// `&range=3-7` (only those slides, 1-based). The PDF export sets the same parameters.

export type PrintView = 'print' | 'handout';

export interface PrintOptions {
  /** null when the page is not a printable view. */
  view: PrintView | null;
  steps: boolean;
  /** As written in the URL, e.g. `3-7` or `5`; null for the whole deck. */
  range: string | null;
}

/** Slides `from`..`to`, 0-based and inclusive. */
export interface SlideRange {
  from: number;
  to: number;
}

const RANGE = /^(\d+)(?:-(\d+))?$/;

/** Reads the printable view's options from a `location.search` string. */
export function printOptions(search: string): PrintOptions {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  return {
    // reveal.js itself also treats `?print-pdf` as its print view.
    view: view === 'handout' ? 'handout' : view === 'print' || params.has('print-pdf') ? 'print' : null,
    steps: params.has('steps'),
    range: params.get('range'),
  };
}

/** The slides `range` selects among `count`, or why it selects none. */
export function resolveRange(range: string | null, count: number): SlideRange | { problem: string } {
  if (range === null || range === '') return { from: 0, to: count - 1 };
  const match = RANGE.exec(range.trim());
  if (!match) return { problem: `slide range "${range}" is not a number or two numbers like 3-7` };
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to > count || from > to) {
    return { problem: `slide range ${range} does not exist: the deck has slides 1-${count}` };
  }
  return { from: from - 1, to: to - 1 };
}
