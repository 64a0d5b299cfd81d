// Last-writer-wins for the shared deck state: every change carries a stamp (time, window id);
// a window takes a change only when its stamp is newer than the last one it took. Two windows
// that move at the same moment therefore settle on the same state instead of swapping places.
import type { Role, Stamp } from '../../shared/sync-protocol.js';

export type { Stamp };

/**
 * The stamp of a window's state before anyone has moved: any real change is newer. An untouched
 * audience window (time 1) outranks an untouched console (time 0): a console opened on a deck
 * that shows slide 5 (a deep link, or a reload) shows slide 5 too, instead of imposing slide 1.
 */
export function firstStamp(by: string, role: Role): Stamp {
  return { time: role === 'audience' ? 1 : 0, by };
}

/** True when `a` is a later change than `b`. */
export function isNewer(a: Stamp, b: Stamp): boolean {
  return a.time > b.time || (a.time === b.time && a.by > b.by);
}

/** The stamp for a change made now by window `by`, after the last stamp it has seen. */
export function nextStamp(last: Stamp, now: number, by: string): Stamp {
  return { time: Math.max(Math.floor(now), last.time + 1), by };
}
