// "Go to slide" (G): by number or by any text on the slide, Chinese included. reveal.js's own
// jump matches words with ASCII \b boundaries, which never match Han text.
import type { RevealApi } from 'reveal.js';
import type { Slide } from '../../shared/deck.js';
import { UI_STRINGS } from '../../shared/ui-strings.js';

const G_KEY = 71;

/** Normalises text for matching: case and spacing do not matter. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** The slide index `query` names: a 1-based number, or the first slide (from `from` on, wrapping) whose title or text contains it. */
export function findSlide(
  slides: readonly Pick<Slide, 'title'>[],
  texts: readonly string[],
  query: string,
  from = 0,
): number {
  const trimmed = query.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed) - 1;
    return n >= 0 && n < slides.length ? n : -1;
  }
  const needle = normalise(trimmed);
  if (!needle) return -1;
  for (let k = 0; k < slides.length; k++) {
    const i = (from + k) % slides.length;
    if (normalise(slides[i]!.title).includes(needle) || normalise(texts[i] ?? '').includes(needle)) return i;
  }
  return -1;
}

/** Binds G to a small jump dialog for `deck`. Returns an undo. */
/** `slides` is read at each search, so slides swapped in by a hot update are found too. */
export function bindJumpToSlide(reveal: RevealApi, slides: () => readonly Slide[]): () => void {
  const dialog = document.createElement('dialog');
  dialog.className = 'jump-dialog';
  dialog.setAttribute('aria-label', UI_STRINGS.jumpLabel);
  dialog.innerHTML = `<form method="dialog"><label>${UI_STRINGS.jumpLabel}<input name="query" type="text" autocomplete="off" enterkeyhint="go"></label><output aria-live="polite"></output><small>${UI_STRINGS.jumpHint}</small></form>`;
  document.body.append(dialog);
  const input = dialog.querySelector('input')!;
  const output = dialog.querySelector('output')!;
  const texts = () =>
    [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')].map(
      (s) => s.querySelector('.slide-frame')?.textContent ?? '',
    );
  const match = () => findSlide(slides(), texts(), input.value, reveal.getIndices().h);
  const onInput = () => {
    const i = match();
    output.textContent =
      input.value.trim() === '' ? '' : i < 0 ? UI_STRINGS.jumpNoMatch : `${i + 1}. ${slides()[i]!.title}`;
  };
  const onSubmit = (event: SubmitEvent) => {
    const i = match();
    if (i < 0) {
      event.preventDefault();
      return;
    }
    reveal.slide(i);
  };
  const onClose = () => {
    input.value = '';
    output.textContent = '';
    reveal.getRevealElement()?.focus?.();
  };
  input.addEventListener('input', onInput);
  dialog.addEventListener('submit', onSubmit);
  dialog.addEventListener('close', onClose);
  reveal.addKeyBinding({ keyCode: G_KEY, key: 'G', description: UI_STRINGS.jumpLabel }, () => {
    dialog.showModal();
    input.focus();
  });
  return () => {
    reveal.removeKeyBinding(G_KEY);
    input.removeEventListener('input', onInput);
    dialog.removeEventListener('submit', onSubmit);
    dialog.removeEventListener('close', onClose);
    dialog.remove();
  };
}
