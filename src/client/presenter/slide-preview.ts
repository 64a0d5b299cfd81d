// A still picture of one slide at one build step, for the presenter console: the slide's built
// HTML in the theme's `.reveal .slides > section > .slide-frame` markup, laid out at 1280×720 and
// scaled to fit its box with a CSS transform. No reveal.js instance, no iframe. The console and
// the phone use it.
import './slide-preview.css';
import type { Slide } from '../../shared/deck.js';
import { fragmentSteps } from '../sync/deck-position.js';
import { renderSection } from '../ui/render-sections.js';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../shared/presentation.js';

export interface SlidePreview {
  /** Shows `slide` with build steps 0..step visible, or `placeholder` text when there is no slide. */
  show(slide: Slide | undefined, step: number, placeholder?: string): void;
  /** Where the slide is drawn on screen (the laser pointer maps onto it), or null when no slide is shown. */
  frame(): DOMRect | null;
  /** Stops following the box's size. */
  destroy(): void;
}

/** Marks which fragments of `section` show at build step `step` (reveal's classes: visible, current-fragment). */
export function showStep(section: Element, step: number): void {
  const fragments = [...section.querySelectorAll<HTMLElement>('.fragment')];
  const steps = fragmentSteps(
    fragments.map((el) => (el.hasAttribute('data-fragment-index') ? Number(el.dataset.fragmentIndex) : null)),
  );
  fragments.forEach((el, i) => {
    el.classList.toggle('visible', steps[i]! <= step);
    el.classList.toggle('current-fragment', steps[i] === step);
  });
}

/** Turns `host` into a slide preview. */
export function createSlidePreview(host: HTMLElement): SlidePreview {
  host.classList.add('slide-preview');
  const stage = document.createElement('div');
  stage.className = 'reveal slide-preview-stage';
  stage.setAttribute('aria-hidden', 'true');
  const slides = document.createElement('div');
  slides.className = 'slides';
  stage.append(slides);
  const placeholder = document.createElement('p');
  placeholder.className = 'slide-preview-placeholder';
  host.append(stage, placeholder);
  let shownIndex = -1;
  let section: HTMLElement | null = null;

  // Letterbox the 1280×720 stage inside whatever box the layout gives the host.
  const fit = () => {
    const { clientWidth: w, clientHeight: h } = host;
    const scale = Math.max(Math.min(w / SLIDE_WIDTH, h / SLIDE_HEIGHT), 0.01);
    host.style.setProperty('--preview-scale', String(scale));
    host.style.setProperty('--preview-x', `${(w - SLIDE_WIDTH * scale) / 2}px`);
    host.style.setProperty('--preview-y', `${(h - SLIDE_HEIGHT * scale) / 2}px`);
  };
  const observer = new ResizeObserver(fit);
  observer.observe(host);
  fit();

  return {
    show(slide, step, text = '') {
      host.classList.toggle('is-empty', !slide);
      placeholder.textContent = slide ? '' : text;
      if (!slide) {
        slides.replaceChildren();
        shownIndex = -1;
        section = null;
        return;
      }
      if (slide.index !== shownIndex || !section) {
        section = renderSection(slide);
        // Ids and notes belong to the audience's copy only.
        section.removeAttribute('id');
        section.querySelector('aside.notes')?.remove();
        section.classList.add('present');
        if (slide.attributes.background) section.style.background = slide.attributes.background;
        slides.replaceChildren(section);
        shownIndex = slide.index;
      }
      showStep(section, step);
    },
    frame: () => (section ? stage.getBoundingClientRect() : null),
    destroy() {
      observer.disconnect();
    },
  };
}
