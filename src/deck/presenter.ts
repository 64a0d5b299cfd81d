// The presenter page (`?presenter`): current slide's title and notes, the next slide, slide n of N
// and the elapsed time. It follows the audience window and drives it over the sync channel.
import type { Deck } from '../shared/deck.js';
import { openSyncChannel, type DeckPosition } from './sync-channel.js';
import { UI_STRINGS } from './ui-strings.js';

/** Replaces the page with the presenter view for `deck`. */
export function startPresenter(deck: Deck): void {
  document.body.className = 'presenter';
  document.body.innerHTML = `
    <main class="presenter-view">
      <header><span class="presenter-count"></span><span class="presenter-clock" aria-live="off"></span></header>
      <section class="presenter-current" aria-labelledby="presenter-title"><h1 id="presenter-title"></h1><div class="presenter-steps"></div></section>
      <section class="presenter-notes" aria-label="${UI_STRINGS.notesTitle}"><h2>${UI_STRINGS.notesTitle}</h2><div class="presenter-notes-text"></div></section>
      <section class="presenter-next"><h2>${UI_STRINGS.next}</h2><p class="presenter-next-title"></p></section>
      <nav><button type="button" data-go="-1">${UI_STRINGS.previous}</button><button type="button" data-go="1">${UI_STRINGS.next}</button></nav>
    </main>`;
  const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
  let position: DeckPosition = { h: 0, f: -1 };
  const started = Date.now();
  const channel = openSyncChannel(deck.meta.title, (message) => {
    if (message.type === 'position' && message.from === 'audience') show(message.position);
    if (message.type === 'hello' && message.from === 'audience') channel.send({ type: 'position', from: 'presenter', position });
  });
  const show = (next: DeckPosition) => {
    position = next;
    const slide = deck.slides[next.h];
    if (!slide) return;
    $('#presenter-title').textContent = slide.title;
    $('.presenter-steps').textContent = slide.steps > 0 ? `${Math.max(next.f + 1, 0)} / ${slide.steps}` : '';
    $('.presenter-notes-text').innerHTML = slide.notesHtml;
    $('.presenter-next-title').textContent = deck.slides[next.h + 1]?.title ?? '—';
    $('.presenter-count').textContent = `${UI_STRINGS.slideLabel} ${next.h + 1} / ${deck.slides.length}`;
  };
  const go = (delta: number) => {
    const slide = deck.slides[position.h]!;
    let { h, f } = position;
    if (delta > 0) {
      if (f + 1 < slide.steps) f += 1;
      else if (h + 1 < deck.slides.length) [h, f] = [h + 1, -1];
    } else if (f >= 0) f -= 1;
    else if (h > 0) [h, f] = [h - 1, (deck.slides[h - 1]?.steps ?? 0) - 1];
    show({ h, f });
    channel.send({ type: 'position', from: 'presenter', position: { h, f } });
  };
  document.addEventListener('keydown', (event) => {
    if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(event.key)) go(1);
    else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key)) go(-1);
    else return;
    event.preventDefault();
  });
  document.querySelectorAll<HTMLButtonElement>('[data-go]').forEach((b) => b.addEventListener('click', () => go(Number(b.dataset.go))));
  const tick = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    $('.presenter-clock').textContent = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  };
  setInterval(tick, 1000);
  tick();
  show(position);
  channel.send({ type: 'hello', from: 'presenter' });
  document.title = `${UI_STRINGS.notesTitle} · ${deck.meta.title}`;
}
