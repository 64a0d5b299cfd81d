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

/**
 * The plan from the deck: each slide's `timing` (seconds) where its front matter has one; the rest
 * of the talk's `duration` (minutes) shared evenly by the other slides.
 */
export function planFromDeck(slides: readonly { attributes: { timing?: number } }[], durationMinutes?: number): Plan {
  const timed = slides.map((s) => (typeof s.attributes.timing === 'number' && s.attributes.timing > 0 ? s.attributes.timing : null));
  const untimed = timed.filter((t) => t === null).length;
  const timedTotal = timed.reduce<number>((sum, t) => sum + (t ?? 0), 0);
  const budget = durationMinutes && durationMinutes > 0 ? durationMinutes * 60 : 0;
  const share = untimed === 0 ? 0 : budget > timedTotal ? (budget - timedTotal) / untimed : DEFAULT_SLIDE_SECONDS;
  const seconds = timed.map((t) => t ?? share);
  const source: PlanSource = untimed < slides.length ? 'slides' : budget ? 'duration' : 'default';
  return { seconds, total: sum(seconds), source };
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
