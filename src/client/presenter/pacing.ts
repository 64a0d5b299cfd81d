// The pacing plan and where the talk stands against it. Pure functions: the console feeds them
// the elapsed time and the slide the audience sees.

/** Where the plan came from: front-matter timings, the deck's duration, a fixed default, or a rehearsal. */
export type PlanSource = 'slides' | 'duration' | 'default' | 'rehearsal';

export interface Plan {
  /** Planned seconds for each slide. */
  seconds: number[];
  /** Sum of `seconds`. */
  total: number;
  source: PlanSource;
}

export type PacingStatus = 'ahead' | 'on-track' | 'behind';

export interface Pacing {
  status: PacingStatus;
  /** Seconds behind the plan (positive) or ahead of it (negative); 0 while inside the slide's planned window. */
  delta: number;
  /** When the plan starts and ends the current slide (seconds into the talk). */
  slideStart: number;
  slideEnd: number;
  /** Planned seconds for the current slide. */
  slidePlanned: number;
  /** Planned seconds left in the whole talk (negative once over time). */
  remaining: number;
}

/** Seconds per slide when neither front matter nor the deck's duration says anything. */
export const DEFAULT_SLIDE_SECONDS = 120;
/** Being this many seconds off the plan still counts as on track. */
export const PACING_TOLERANCE = 10;

/** What pacing reads from a slide's front matter. */
export interface PlannedSlide {
  attributes: { timing?: number; minutes?: number; 'part-minutes'?: number };
}

/**
 * The plan from the deck. A slide's own `timing` (seconds) or `minutes` comes first. A slide with
 * `part-minutes` opens a part that lasts until the next such slide: its untimed slides share what
 * the part has left. Untimed slides outside any part share what is left of the talk's `duration`.
 */
export function planFromDeck(slides: readonly PlannedSlide[], durationMinutes?: number): Plan {
  const own = slides.map(
    ({ attributes: a }) => positive(a.timing) ?? (positive(a.minutes) === null ? null : a.minutes! * 60),
  );
  const partOf = partIndexes(slides);
  const seconds: (number | null)[] = [...own];
  // Each part shares its own budget among its untimed slides.
  let partsTotal = 0;
  for (const [start, budget] of partBudgets(slides)) {
    const members = slides.map((_, i) => i).filter((i) => partOf[i] === start);
    const timed = sum(members.map((i) => own[i] ?? 0));
    const untimed = members.filter((i) => own[i] === null);
    const share = untimed.length === 0 ? 0 : Math.max(budget - timed, 0) / untimed.length;
    for (const i of untimed) seconds[i] = share;
    partsTotal += Math.max(budget, timed);
  }
  const rest = slides.map((_, i) => i).filter((i) => partOf[i] === -1);
  const restTimed = sum(rest.map((i) => own[i] ?? 0));
  const restUntimed = rest.filter((i) => own[i] === null);
  const budget = durationMinutes && durationMinutes > 0 ? durationMinutes * 60 - partsTotal : 0;
  const share =
    restUntimed.length === 0
      ? 0
      : budget > restTimed
        ? (budget - restTimed) / restUntimed.length
        : DEFAULT_SLIDE_SECONDS;
  for (const i of restUntimed) seconds[i] = share;
  const planned = own.some((t) => t !== null) || partsTotal > 0;
  const source: PlanSource = planned
    ? 'slides'
    : durationMinutes && durationMinutes > 0
      ? 'duration'
      : 'default';
  const final = seconds.map((t) => t ?? 0);
  return { seconds: final, total: sum(final), source };
}

/** For each slide, the index of the slide that opened its part, or -1 before the first part. */
function partIndexes(slides: readonly PlannedSlide[]): number[] {
  let current = -1;
  return slides.map((s, i) => (positive(s.attributes['part-minutes']) !== null ? (current = i) : current));
}

/** The parts: opening slide index → budget in seconds. */
function partBudgets(slides: readonly PlannedSlide[]): Map<number, number> {
  const parts = new Map<number, number>();
  slides.forEach((s, i) => {
    const minutes = positive(s.attributes['part-minutes']);
    if (minutes !== null) parts.set(i, minutes * 60);
  });
  return parts;
}

function positive(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** A plan from explicit per-slide seconds (a rehearsal report). */
export function planFromSeconds(seconds: readonly number[], source: PlanSource = 'rehearsal'): Plan {
  const clean = seconds.map((s) => (Number.isFinite(s) && s > 0 ? s : 0));
  return { seconds: clean, total: sum(clean), source };
}

/** Where the talk stands at `elapsed` seconds with the audience on slide `h`. */
export function pacingAt(plan: Plan, h: number, elapsed: number, tolerance = PACING_TOLERANCE): Pacing {
  const index = Math.min(Math.max(h, 0), Math.max(plan.seconds.length - 1, 0));
  const slideStart = sum(plan.seconds.slice(0, index));
  const slidePlanned = plan.seconds[index] ?? 0;
  const slideEnd = slideStart + slidePlanned;
  const delta = elapsed < slideStart ? elapsed - slideStart : elapsed > slideEnd ? elapsed - slideEnd : 0;
  const status: PacingStatus = delta > tolerance ? 'behind' : delta < -tolerance ? 'ahead' : 'on-track';
  return { status, delta, slideStart, slideEnd, slidePlanned, remaining: plan.total - elapsed };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
