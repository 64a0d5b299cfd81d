// The laser pointer's coordinates: a point on a slide as fractions (0..1) of its 16:9 frame, so the
// phone's small preview, the console's and every audience screen agree whatever their sizes.
import type { PointerAt } from '../../shared/sync-protocol.js';

/** A box on screen, as getBoundingClientRect gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);

/** Where the screen point (`x`, `y`) falls on the slide drawn in `frame`; a finger that slides off is held at the edge. */
export function pointerFromClient(frame: Box, x: number, y: number): PointerAt {
  if (frame.width <= 0 || frame.height <= 0) return { x: 0, y: 0 };
  return { x: clamp01((x - frame.left) / frame.width), y: clamp01((y - frame.top) / frame.height) };
}

/** The screen point of `at` on the slide drawn in `frame`. */
export function pointerToClient(frame: Box, at: PointerAt): { x: number; y: number } {
  return { x: frame.left + at.x * frame.width, y: frame.top + at.y * frame.height };
}
