// The budgets `npm run bench` enforces (its exit code) and the checks against them. Pure: figures
// in, one line per missed budget out, so the unit tests can pin every threshold.

/** Budgets for the talk's own deck, absolute. */
export const TALK_BUDGETS = {
  /** Bytes on the wire before the title shows in its font: HTML, JS, CSS, the first slides' glyphs. */
  firstViewKiB: 250,
  /** Requests started before the title shows in its font. */
  firstViewRequests: 3,
  /** Every file of the built deck, uncompressed, as it sits on disk or a USB stick. */
  deckKiB: 800,
  /**
   * Key press to the first animation frame in which the next slide is `present` (or the next
   * build step `visible`): one frame at 60 Hz. The table also shows when that frame was painted.
   */
  keyMedianMs: 16,
};

/** Budgets for the talk against the same talk in Marp, measured in the same run: talk / Marp at most. */
export const MARP_BUDGETS = {
  /** Title visible with fonts ready, median of the interleaved cold loads. */
  title: 1.0,
  /** First contentful paint, likewise. */
  fcp: 1.0,
  /** Key → first frame with the next slide, slide changes only, median. */
  key: 1.0,
  /** Slides PDF as a whole process (`npm run export -- --slides` vs `marp --pdf`), median. */
  pdf: 0.7,
};

/** Budgets for the generated deck of this many slides. */
export const LARGE_BUDGET_SLIDES = 1000;
export const LARGE_BUDGETS = {
  keyMedianMs: 16,
  overviewMs: 500,
  pdfMs: 20_000,
  buildMs: 5_000,
};

export const ALL_BUDGETS = {
  talk: TALK_BUDGETS,
  vsMarp: MARP_BUDGETS,
  large: { slides: LARGE_BUDGET_SLIDES, ...LARGE_BUDGETS },
};

/** Medians (ms, KiB, counts) of the talk; undefined: not measured (a budget that needs it fails). */
export interface TalkFigures {
  firstViewKiB?: number;
  firstViewRequests?: number;
  deckKiB?: number;
  keyMs?: number;
}

/** The same figures for the talk and for Marp, medians; an undefined one is skipped (e.g. --no-pdf). */
export interface VersusFigures {
  title?: [talk: number, marp: number];
  fcp?: [talk: number, marp: number];
  key?: [talk: number, marp: number];
  pdf?: [talk: number, marp: number];
}

export interface LargeFigures {
  slides: number;
  keyMs?: number;
  overviewMs?: number;
  pdfMs?: number;
  buildMs?: number;
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** talk / marp, or NaN when Marp's figure is missing or zero. */
export function ratio(talk: number, marp: number): number {
  return marp > 0 ? talk / marp : NaN;
}

/** The talk's absolute budgets it misses, one line each ([] when all pass). */
export function talkFailures(figures: TalkFigures): string[] {
  const failures: string[] = [];
  const over = (value: number | undefined, limit: number, say: (v: number) => string, what: string) => {
    if (value === undefined) failures.push(`${what}: not measured`);
    else if (value > limit) failures.push(say(value));
  };
  over(
    figures.firstViewKiB,
    TALK_BUDGETS.firstViewKiB,
    (v) => `first view ${fixed(v)} KiB > ${TALK_BUDGETS.firstViewKiB} KiB`,
    'first view bytes',
  );
  over(
    figures.firstViewRequests,
    TALK_BUDGETS.firstViewRequests,
    (v) => `first view ${v} requests > ${TALK_BUDGETS.firstViewRequests}`,
    'first view requests',
  );
  over(
    figures.deckKiB,
    TALK_BUDGETS.deckKiB,
    (v) => `built deck ${fixed(v)} KiB > ${TALK_BUDGETS.deckKiB} KiB`,
    'built deck',
  );
  over(
    figures.keyMs,
    TALK_BUDGETS.keyMedianMs,
    (v) =>
      `key press to the frame showing the next slide ${fixed(v)} ms median > ${TALK_BUDGETS.keyMedianMs} ms`,
    'key press',
  );
  return failures;
}

const VERSUS_NAMES: Record<keyof VersusFigures, string> = {
  title: 'title visible with fonts ready',
  fcp: 'first contentful paint',
  key: 'key → next slide first visible',
  pdf: 'slides PDF export, whole process',
};

/** The talk-vs-Marp budgets missed, one line each. */
export function versusFailures(figures: VersusFigures): string[] {
  const failures: string[] = [];
  for (const name of Object.keys(VERSUS_NAMES) as (keyof VersusFigures)[]) {
    const pair = figures[name];
    if (!pair) continue;
    const r = ratio(pair[0], pair[1]);
    if (!(r <= MARP_BUDGETS[name]))
      failures.push(
        `${VERSUS_NAMES[name]} ${fixed(pair[0])} ms vs Marp ${fixed(pair[1])} ms = ${fixed(r, 2)}× > ${MARP_BUDGETS[name]}×`,
      );
  }
  return failures;
}

/** The budgets of the generated deck of LARGE_BUDGET_SLIDES slides it misses; [] for any other size. */
export function largeFailures(figures: LargeFigures): string[] {
  if (figures.slides !== LARGE_BUDGET_SLIDES) return [];
  const at = `${figures.slides} slides`;
  const failures: string[] = [];
  const checks: [number | undefined, number, string, string][] = [
    [figures.keyMs, LARGE_BUDGETS.keyMedianMs, 'key → next slide (median)', 'ms'],
    [figures.overviewMs, LARGE_BUDGETS.overviewMs, 'overview open (median)', 'ms'],
    [figures.pdfMs, LARGE_BUDGETS.pdfMs, 'slides PDF export, whole process', 'ms'],
    [figures.buildMs, LARGE_BUDGETS.buildMs, 'build', 'ms'],
  ];
  for (const [value, limit, what, unit] of checks) {
    if (value === undefined) continue;
    if (value > limit) failures.push(`${at}: ${what} ${fixed(value)} ${unit} > ${limit} ${unit}`);
  }
  return failures;
}
