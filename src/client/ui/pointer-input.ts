// The laser pointer's input: a finger held on a slide preview (the phone) or the mouse button held
// on it (the console) reports where it is on the slide, at most once per animation frame, and
// `null` the moment it lifts or leaves. Pointer events cover touch, pen and mouse alike.
import type { PointerAt } from '../../shared/sync-protocol.js';
import { pointerFromClient, type Box } from './pointer-geometry.js';

/**
 * A finger held still repeats its position this often, so that audience screens (which drop a dot
 * not heard of for POINTER_IDLE_MS, in case the "lifted" message was lost) keep showing it.
 */
export const POINTER_HEARTBEAT_MS = 1000;

/**
 * Reports pointer positions on `host` to `send`, mapped onto the slide frame that `frame()` returns
 * (the preview's letterboxed 16:9 stage, not the whole host). Returns an undo.
 */
export function bindPointerInput(
  host: HTMLElement,
  frame: () => Box | null,
  send: (at: PointerAt | null) => void,
): () => void {
  let active: number | null = null;
  let pending: PointerAt | null = null;
  let last: PointerAt | null = null;
  let scheduled = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const report = (point: PointerAt) => {
    last = point;
    send(point);
  };
  const at = (event: PointerEvent) => {
    const box = frame();
    return box ? pointerFromClient(box, event.clientX, event.clientY) : null;
  };
  const flush = () => {
    scheduled = 0;
    if (pending) report(pending);
    pending = null;
  };
  const onDown = (event: PointerEvent) => {
    if (active !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
    const point = at(event);
    if (!point) return;
    active = event.pointerId;
    event.preventDefault();
    // The first contact shows at once; the moves that follow are paced by the screen.
    report(point);
    heartbeat = setInterval(() => last && send(last), POINTER_HEARTBEAT_MS);
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    pending = at(event);
    if (!scheduled) scheduled = requestAnimationFrame(flush);
  };
  const onUp = (event: PointerEvent) => {
    if (event.pointerId !== active) return;
    active = null;
    pending = null;
    last = null;
    cancelAnimationFrame(scheduled);
    clearInterval(heartbeat);
    scheduled = 0;
    send(null);
  };
  // A touch is captured by its element until it lifts; a mouse that leaves the preview lets go.
  const events = [
    ['pointerdown', onDown],
    ['pointermove', onMove],
    ['pointerup', onUp],
    ['pointercancel', onUp],
    ['pointerleave', onUp],
  ] as const;
  for (const [name, handler] of events) host.addEventListener(name, handler);
  return () => {
    for (const [name, handler] of events) host.removeEventListener(name, handler);
    cancelAnimationFrame(scheduled);
    clearInterval(heartbeat);
    if (active !== null) send(null);
  };
}
