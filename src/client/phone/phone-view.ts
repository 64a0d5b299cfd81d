// The phone remote's page (`?phone`), portrait first and for one thumb: where the talk is, a live
// preview to point at, the notes, the clock and pacing, blackout, a slide list, and two large
// buttons at the bottom. It builds its DOM once and redraws from a plain model; phone.ts decides.
import './phone.css';
import type { Deck } from '../../shared/deck.js';
import type { PointerAt, SharedState } from '../../shared/sync-protocol.js';
import type { Pacing } from '../presenter/pacing.js';
import { formatDuration } from '../presenter/presenter-clock.js';
import { parsePresenterAction, type PresenterAction } from '../presenter/presenter-actions.js';
import { createSlidePreview } from '../presenter/slide-preview.js';
import type { RelayStatus } from '../sync/remote-link.js';
import { bindPointerInput } from '../ui/pointer-input.js';
import { bindSwipe } from './swipe.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

/** What the phone's buttons do: a few of the console's actions. */
export type PhoneAction = Extract<
  PresenterAction,
  'next' | 'previous' | 'blackout' | 'timer' | 'notesLarger' | 'notesSmaller'
>;
const PHONE_ACTIONS: readonly PhoneAction[] = [
  'next',
  'previous',
  'blackout',
  'timer',
  'notesLarger',
  'notesSmaller',
];

export interface PhoneModel {
  /** What the audience sees. */
  state: SharedState;
  /** Talk time in seconds, and whether the clock runs. */
  elapsed: number;
  running: boolean;
  pacing: Pacing;
  notesSize: number;
  relay: RelayStatus;
  /** Whether the page was opened with a pairing token. */
  hasToken: boolean;
}

export interface PhoneHandlers {
  onAction(action: PhoneAction): void;
  onJump(h: number): void;
  onPointer(at: PointerAt | null): void;
}

export interface PhoneView {
  update(model: PhoneModel): void;
  destroy(): void;
}

const PACING_LABEL: Record<Pacing['status'], string> = {
  ahead: T.pacingAhead,
  'on-track': T.pacingOnTrack,
  behind: T.pacingBehind,
};

const RELAY_LABEL: Record<RelayStatus, string> = {
  off: '',
  connecting: T.relayConnecting,
  connected: T.relayConnected,
  refused: T.relayRefused,
};

const button = (action: PhoneAction, label: string, extra = '') =>
  `<button type="button" data-action="${action}" ${extra}>${label}</button>`;

const TEMPLATE = `
<main class="phone-view" aria-label="${T.phoneTitle}">
  <header class="phone-bar">
    <span class="phone-clock" role="timer" aria-label="${T.elapsed}">00:00</span>
    <span class="phone-pacing" data-status="on-track"></span>
    <span class="phone-relay" role="status" data-status="off"></span>
  </header>
  <div class="phone-refused" role="alert" hidden><p class="phone-refused-why"></p><p>${T.rescan}</p></div>
  <div class="phone-tools">
    ${button('blackout', T.blackout, 'aria-pressed="false"')}
    ${button('timer', T.pauseTimer, 'class="phone-timer" aria-pressed="false"')}
    <button type="button" class="phone-list-open" aria-haspopup="dialog">${T.slideList}</button>
  </div>
  <section class="phone-current" aria-labelledby="phone-title">
    <div class="phone-caption">
      <h1 id="phone-title"></h1>
      <p class="phone-where"></p>
    </div>
    <div class="phone-preview" aria-describedby="phone-laser-hint"></div>
    <p id="phone-laser-hint" class="phone-hint">${T.laserHint}</p>
  </section>
  <section class="phone-notes" aria-labelledby="phone-notes-label">
    <header>
      <h2 id="phone-notes-label">${T.notesTitle}</h2>
      ${button('notesSmaller', 'A-', `aria-label="${T.notesSmaller}"`)}
      ${button('notesLarger', 'A+', `aria-label="${T.notesLarger}"`)}
    </header>
    <div class="phone-notes-text" tabindex="0" data-empty="${T.noNotes}"></div>
  </section>
  <nav class="phone-nav" aria-label="${T.slideLabel}">
    ${button('previous', `${T.arrowLeft} ${T.previousStep}`, 'class="phone-previous"')}
    ${button('next', `${T.nextStep} ${T.arrowRight}`, 'class="phone-next"')}
  </nav>
</main>
<dialog class="phone-slides" aria-labelledby="phone-slides-title">
  <header><h2 id="phone-slides-title">${T.slideList}</h2><button type="button" class="phone-slides-close">${T.close}</button></header>
  <ol></ol>
</dialog>`;

function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** Builds the phone remote in `root` for `deck`. */
export function createPhoneView(root: HTMLElement, deck: Deck, handlers: PhoneHandlers): PhoneView {
  root.innerHTML = TEMPLATE;
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
  const preview = createSlidePreview($('.phone-preview'));
  const notes = $('.phone-notes-text');
  const list = $<HTMLDialogElement>('.phone-slides');
  list.querySelector('ol')!.innerHTML = deck.slides
    .map(
      (s) =>
        `<li><button type="button" data-jump="${s.index}"><span class="phone-slide-number">${s.index + 1}</span> ${escapeHtml(s.title)}</button></li>`,
    )
    .join('');
  let enabled = true;

  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    const jump = target.closest<HTMLButtonElement>('button[data-jump]');
    if (jump) {
      list.close();
      if (enabled) handlers.onJump(Number(jump.dataset.jump));
      return;
    }
    if (target.closest('.phone-list-open')) return list.showModal();
    // The close button, or a tap on the backdrop (the dialog box itself, outside its content).
    if (target.closest('.phone-slides-close') || target === list) return list.close();
    const actionButton = target.closest<HTMLButtonElement>('button[data-action]');
    const action = parsePresenterAction(actionButton?.dataset.action);
    if (actionButton && !actionButton.disabled && action && (PHONE_ACTIONS as string[]).includes(action))
      handlers.onAction(action as PhoneAction);
  };
  root.addEventListener('click', onClick);
  const unbindSwipe = bindSwipe($('.phone-notes'), (action) => enabled && handlers.onAction(action));
  const unbindPointer = bindPointerInput(
    $('.phone-preview'),
    () => (enabled ? preview.frame() : null),
    (at) => handlers.onPointer(at),
  );

  let notesFor = -1;
  const update = (m: PhoneModel) => {
    const { h, f, paused } = m.state;
    const slide = deck.slides[h];
    const total = deck.slides.length;

    setText($('.phone-clock'), formatDuration(m.elapsed));
    const pacing = $('.phone-pacing');
    pacing.dataset.status = m.running ? m.pacing.status : 'paused';
    const status =
      m.pacing.status === 'on-track'
        ? T.pacingOnTrack
        : `${PACING_LABEL[m.pacing.status]} ${formatDuration(Math.abs(m.pacing.delta))}`;
    setText(pacing, m.running ? status : T.timerPaused);
    const timer = $('.phone-timer');
    setText(timer, m.running ? T.pauseTimer : T.resumeTimer);
    timer.setAttribute('aria-pressed', String(!m.running));

    const relay = $('.phone-relay');
    relay.dataset.status = m.relay;
    setText(relay, RELAY_LABEL[m.relay]);
    const refused = m.relay === 'refused';
    $('.phone-refused').hidden = !refused;
    setText($('.phone-refused-why'), m.hasToken ? T.tokenWrong : T.tokenMissing);
    // Cut off from the relay, nothing the phone sends would reach the audience: nothing pretends to.
    enabled = m.relay === 'off' || m.relay === 'connected';
    root
      .querySelectorAll<HTMLButtonElement>(
        'button[data-action="next"], button[data-action="previous"], button[data-action="blackout"], .phone-list-open',
      )
      .forEach((b) => (b.disabled = !enabled));

    const blackout = $('button[data-action="blackout"]');
    blackout.setAttribute('aria-pressed', String(paused));
    $('.phone-current').classList.toggle('is-dimmed', paused);

    setText($('#phone-title'), slide?.title ?? '');
    const where = `${T.slideLabel} ${h + 1} / ${total}`;
    setText(
      $('.phone-where'),
      slide && slide.steps > 0 ? `${where} ${T.separator} ${T.stepLabel} ${f + 1} / ${slide.steps}` : where,
    );
    preview.show(slide, f);
    if (notesFor !== h) {
      notesFor = h;
      notes.innerHTML = slide?.notesHtml ?? '';
      notes.scrollTop = 0;
      list
        .querySelectorAll('button[data-jump]')
        .forEach((b, i) =>
          i === h ? b.setAttribute('aria-current', 'true') : b.removeAttribute('aria-current'),
        );
    }
    notes.style.fontSize = `${m.notesSize}px`;
  };

  return {
    update,
    destroy() {
      root.removeEventListener('click', onClick);
      unbindSwipe();
      unbindPointer();
      preview.destroy();
    },
  };
}
