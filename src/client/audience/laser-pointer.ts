// The laser pointer on the audience screen: a bright dot where the presenter's finger (phone) or
// mouse (console) is on the slide, mapped onto the slide as reveal.js has scaled it here.
import './laser-pointer.css';
import type { PointerAt } from '../../shared/sync-protocol.js';
import { pointerToClient } from '../ui/pointer-geometry.js';

/**
 * A dot not heard of for this long is hidden: its finger's "lifted" message was lost. A finger held
 * still repeats itself more often than this (POINTER_HEARTBEAT_MS in ui/pointer-input.ts).
 */
export const POINTER_IDLE_MS = 2000;

export interface LaserPointer {
  /** Shows the dot at `at` on the current slide, or hides it (`null`). */
  show(at: PointerAt | null): void;
  destroy(): void;
}

/** A laser dot over `slides` (reveal's `.slides` element, whose box is the scaled 1280×720 slide). */
export function createLaserPointer(slides: HTMLElement): LaserPointer {
  const dot = document.createElement('div');
  dot.className = 'laser-pointer';
  dot.setAttribute('aria-hidden', 'true');
  dot.hidden = true;
  document.body.append(dot);
  let idle: ReturnType<typeof setTimeout> | undefined;
  let shown: PointerAt | null = null;
  const place = () => {
    if (!shown) return;
    const { x, y } = pointerToClient(slides.getBoundingClientRect(), shown);
    dot.style.left = `${x}px`;
    dot.style.top = `${y}px`;
  };
  const hide = () => {
    clearTimeout(idle);
    shown = null;
    dot.hidden = true;
  };
  // The window resized (or went fullscreen) while pointing: the slide moved under the dot.
  window.addEventListener('resize', place);
  return {
    show(at) {
      if (!at) return hide();
      shown = at;
      place();
      dot.hidden = false;
      clearTimeout(idle);
      idle = setTimeout(hide, POINTER_IDLE_MS);
    },
    destroy() {
      hide();
      window.removeEventListener('resize', place);
      dot.remove();
    },
  };
}
