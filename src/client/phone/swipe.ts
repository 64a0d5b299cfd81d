// Swipe left/right on the phone's notes for next/previous, without taking vertical scrolling away:
// only a clearly horizontal stroke of some length counts.
import type { PresenterAction } from '../presenter/presenter-actions.js';

/** A stroke shorter than this (CSS px) is a tap or a wobble, not a swipe. */
export const SWIPE_MIN_PX = 60;

/** The move a stroke from `start` to `end` asks for: leftward goes forward, like turning a page. */
export function swipeAction(
  start: { x: number; y: number },
  end: { x: number; y: number },
): Extract<PresenterAction, 'next' | 'previous'> | null {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  // Twice as wide as tall: a diagonal scroll of the notes is not a page turn.
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'previous';
}

/** Calls `onSwipe` for each one-finger swipe on `element`. Returns an undo. */
export function bindSwipe(
  element: HTMLElement,
  onSwipe: (action: Extract<PresenterAction, 'next' | 'previous'>) => void,
): () => void {
  let start: { x: number; y: number } | null = null;
  const onStart = (event: TouchEvent) => {
    const touch = event.touches.length === 1 ? event.touches[0] : undefined;
    start = touch ? { x: touch.clientX, y: touch.clientY } : null;
  };
  const onEnd = (event: TouchEvent) => {
    const touch = event.changedTouches[0];
    const from = start;
    start = null;
    if (!from || !touch) return;
    const action = swipeAction(from, { x: touch.clientX, y: touch.clientY });
    if (action) onSwipe(action);
  };
  const onCancel = () => (start = null);
  element.addEventListener('touchstart', onStart, { passive: true });
  element.addEventListener('touchend', onEnd);
  element.addEventListener('touchcancel', onCancel);
  return () => {
    element.removeEventListener('touchstart', onStart);
    element.removeEventListener('touchend', onEnd);
    element.removeEventListener('touchcancel', onCancel);
  };
}
