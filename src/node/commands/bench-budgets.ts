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

/** One absolute budget: the figure, its limit, and the line that says it was missed. */
type Check = [value: number | undefined, limit: number, missed: (value: number) => string, what: string];

/** The checks missed, one line each; an unmeasured figure fails when `unmeasuredFails`, else is skipped. */
function missed(checks: Check[], unmeasuredFails: boolean): string[] {
  return checks.flatMap(([value, limit, say, what]) => {
    if (value === undefined) return unmeasuredFails ? [`${what}: not measured`] : [];
    return value > limit ? [say(value)] : [];
  });
}

/** The talk's absolute budgets it misses, one line each ([] when all pass). */
export function talkFailures(figures: TalkFigures): string[] {
  const { firstViewKiB, firstViewRequests, deckKiB, keyMedianMs } = TALK_BUDGETS;
  return missed(
    [
      [
        figures.firstViewKiB,
        firstViewKiB,
        (v) => `first view ${fixed(v)} KiB > ${firstViewKiB} KiB`,
        'first view bytes',
      ],
      [
        figures.firstViewRequests,
        firstViewRequests,
        (v) => `first view ${v} requests > ${firstViewRequests}`,
        'first view requests',
      ],
      [figures.deckKiB, deckKiB, (v) => `built deck ${fixed(v)} KiB > ${deckKiB} KiB`, 'built deck'],
      [
        figures.keyMs,
        keyMedianMs,
        (v) => `key press to the frame showing the next slide ${fixed(v)} ms median > ${keyMedianMs} ms`,
        'key press',
      ],
    ],
    true,
  );
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
  const over = (what: string, limit: number) => (v: number) =>
    `${figures.slides} slides: ${what} ${fixed(v)} ms > ${limit} ms`;
  const { keyMedianMs, overviewMs, pdfMs, buildMs } = LARGE_BUDGETS;
  return missed(
    [
      [figures.keyMs, keyMedianMs, over('key → next slide (median)', keyMedianMs), 'key'],
      [figures.overviewMs, overviewMs, over('overview open (median)', overviewMs), 'overview'],
      [figures.pdfMs, pdfMs, over('slides PDF export, whole process', pdfMs), 'PDF'],
      [figures.buildMs, buildMs, over('build', buildMs), 'build'],
    ],
    false,
  );
}
