// Step arithmetic shared by the presenter console and its previews: where "next" and "previous"
// lead, with build steps, exactly as reveal.js moves through a linear deck.

/** A place in the deck: slide `h` (0-based) with build steps 0..f shown (f = -1: none yet). */
export interface Position {
  h: number;
  f: number;
}

/** Where the next step leads: another build step on the same slide, or the next slide. */
export interface Upcoming {
  position: Position;
  kind: 'step' | 'slide';
}

/** Keeps `p` inside the deck whose slides have `steps[h]` build steps each. */
export function clampPosition(steps: readonly number[], p: Position): Position {
  if (steps.length === 0) return { h: 0, f: -1 };
  const h = Math.min(Math.max(Math.trunc(p.h), 0), steps.length - 1);
  const f = Math.min(Math.max(Math.trunc(p.f), -1), (steps[h] ?? 0) - 1);
  return { h, f };
}

/** One step forward: the next build step, else the next slide with none shown; the end stays put. */
export function nextPosition(steps: readonly number[], p: Position): Position {
  return upcoming(steps, p)?.position ?? clampPosition(steps, p);
}

/** One step back: hide the last build step, else the previous slide with all its steps shown. */
export function previousPosition(steps: readonly number[], p: Position): Position {
  const { h, f } = clampPosition(steps, p);
  if (f >= 0) return { h, f: f - 1 };
  if (h > 0) return { h: h - 1, f: (steps[h - 1] ?? 0) - 1 };
  return { h, f };
}

/** What the next step shows, or null at the very end of the deck. */
export function upcoming(steps: readonly number[], p: Position): Upcoming | null {
  const { h, f } = clampPosition(steps, p);
  if (f + 1 < (steps[h] ?? 0)) return { position: { h, f: f + 1 }, kind: 'step' };
  if (h + 1 < steps.length) return { position: { h: h + 1, f: -1 }, kind: 'slide' };
  return null;
}

/** Does `p` name a slide and build step that exist (a message from another deck version may not)? */
export function fitsDeck(steps: readonly number[], p: Position): boolean {
  return (
    Number.isInteger(p.h) &&
    Number.isInteger(p.f) &&
    p.h >= 0 &&
    p.h < steps.length &&
    p.f >= -1 &&
    p.f < (steps[p.h] ?? 0)
  );
}

/**
 * The build step each fragment belongs to, given its `data-fragment-index` (or null), in DOM
 * order. Same rule as reveal.js: explicit indices first, grouped and renumbered without gaps, then
 * the rest one step each in DOM order.
 */
export function fragmentSteps(explicit: readonly (number | null)[]): number[] {
  const indexed = [...new Set(explicit.filter((i): i is number => i !== null && Number.isFinite(i)))].sort(
    (a, b) => a - b,
  );
  const rank = new Map(indexed.map((value, i) => [value, i]));
  let unordered = indexed.length;
  return explicit.map((i) => (i !== null && rank.has(i) ? rank.get(i)! : unordered++));
}
