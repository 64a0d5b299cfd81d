// The laser pointer on the audience screen: a bright dot where the presenter's finger (phone) or
// mouse (console) is on the slide, mapped onto the slide as reveal.js has scaled it here.
import './laser-pointer.css';
import type { PointerAt } from '../../shared/sync-protocol.js';
import { pointerToClient } from '../ui/pointer-geometry.js';

/** A dot that stops moving for this long is hidden: its finger's "lifted" message was lost. */
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
  const hide = () => {
    clearTimeout(idle);
    dot.hidden = true;
  };
  return {
    show(at) {
      if (!at) return hide();
      const { x, y } = pointerToClient(slides.getBoundingClientRect(), at);
      dot.style.left = `${x}px`;
      dot.style.top = `${y}px`;
      dot.hidden = false;
      clearTimeout(idle);
      idle = setTimeout(hide, POINTER_IDLE_MS);
    },
    destroy() {
      hide();
      dot.remove();
    },
  };
}
