// The presenter console's page: builds its DOM once and redraws it from a plain model. It knows
// nothing about sync or storage; buttons report their `data-action` to the caller.
import './presenter.css';
import type { Deck } from '../../shared/deck.js';
import { upcoming, type Position } from '../sync/deck-position.js';
import type { Pacing, Plan } from './pacing.js';
import { formatDuration } from './presenter-clock.js';
import type { SharedState } from '../sync/sync-channel.js';
import { createSlidePreview } from './slide-preview.js';
import { parsePresenterAction, type PresenterAction } from './presenter-actions.js';
import type { PointerAt } from '../../shared/sync-protocol.js';
import { bindPointerInput } from '../ui/pointer-input.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

/** Everything the console shows, computed by presenter.ts. */
export interface ConsoleModel {
  /** The slide and step the presenter is looking at. */
  view: Position;
  /** What the audience sees. */
  audience: SharedState;
  frozen: boolean;
  /** Audience windows connected; null until the first answers have had time to arrive. */
  audiences: number | null;
  /** Talk time in seconds, and whether the clock runs. */
  elapsed: number;
  running: boolean;
  /** Seconds the audience has been on its current slide. */
  onSlide: number;
  plan: Plan;
  pacing: Pacing;
  rehearsing: boolean;
  hasRecording: boolean;
  notesSize: number;
  /** A short message about the plan file just loaded (or ''). */
  planMessage: string;
  now: Date;
}

export interface PresenterView {
  update(model: ConsoleModel): void;
  /** The file input for a pacing plan. */
  planInput: HTMLInputElement;
  destroy(): void;
}

const PLAN_SOURCE_LABEL: Record<Plan['source'], string> = {
  slides: T.planFromSlides,
  duration: T.planFromDuration,
  default: T.planFromDefault,
  rehearsal: T.planFromRehearsal,
};

const PACING_LABEL: Record<Pacing['status'], string> = {
  ahead: T.pacingAhead,
  'on-track': T.pacingOnTrack,
  behind: T.pacingBehind,
};

const button = (action: PresenterAction, label: string, extra = '') =>
  `<button type="button" data-action="${action}" ${extra}>${label}</button>`;

const TEMPLATE = `
<main class="presenter-view" aria-label="${T.presenterTitle}">
  <header class="presenter-bar">
    <div class="presenter-timer">
      <span class="presenter-clock" role="timer" aria-label="${T.elapsed}">00:00</span>
      <div class="presenter-timer-buttons">
        ${button('timer', T.pauseTimer, 'class="presenter-timer-toggle" aria-pressed="false"')}
        ${button('resetTimer', T.resetTimer)}
      </div>
    </div>
    <div class="presenter-pacing" data-status="on-track">
      <span class="presenter-pacing-status"></span>
      <span class="presenter-pacing-detail"><span class="presenter-slide-time"></span> ${T.separator} <span class="presenter-plan-time"></span></span>
    </div>
    <div class="presenter-states" aria-live="polite">
      <span class="presenter-pill presenter-audiences"></span>
      <span class="presenter-pill is-warning" data-state="frozen" hidden>${T.audienceFrozen}</span>
      <span class="presenter-pill is-warning" data-state="paused" hidden>${T.blackout}</span>
      <span class="presenter-pill" data-state="overview" hidden>${T.overview}</span>
      <span class="presenter-pill is-recording" data-state="rehearsing" hidden>${T.rehearsing}</span>
    </div>
    <div class="presenter-where">
      <span class="presenter-count"></span>
      <span class="presenter-wall" aria-label="${T.wallClock}"></span>
      ${button('help', '?', `class="presenter-help" aria-label="${T.shortcuts} / Shortcuts" title="${T.shortcuts} (?)"`)}
    </div>
  </header>
  <div class="presenter-timeline" aria-hidden="true"><div class="presenter-timeline-slides"></div><div class="presenter-timeline-now"></div></div>
  <div class="presenter-stage">
    <section class="presenter-current" aria-labelledby="presenter-title">
      <div class="presenter-banner presenter-alone" hidden><span>${T.noAudience}</span>${button('openAudience', T.openAudience)}</div>
      <div class="presenter-banner presenter-frozen" hidden><span class="presenter-frozen-text"></span>${button('backToAudience', T.backToAudience)}</div>
      <div class="presenter-caption">
        <h1 id="presenter-title"></h1>
        <span class="presenter-steps"></span>
      </div>
      <div class="presenter-current-preview"></div>
    </section>
    <section class="presenter-next" aria-labelledby="presenter-next-label">
      <div class="presenter-next-preview"></div>
      <div class="presenter-next-info">
        <h2 id="presenter-next-label" class="presenter-label"></h2>
        <p class="presenter-next-title"></p>
      </div>
    </section>
  </div>
  <section class="presenter-notes" aria-labelledby="presenter-notes-label">
    <header>
      <h2 id="presenter-notes-label" class="presenter-label">${T.notesTitle}</h2>
      <div class="presenter-notes-size">
        ${button('notesSmaller', 'A-', `aria-label="${T.notesSmaller}" title="${T.notesSmaller} (-)"`)}
        ${button('notesLarger', 'A+', `aria-label="${T.notesLarger}" title="${T.notesLarger} (+)"`)}
      </div>
    </header>
    <div class="presenter-notes-text" tabindex="0" data-empty="${T.noNotes}"></div>
  </section>
  <footer class="presenter-toolbar">
    <div class="presenter-group">
      ${button('previous', `${T.arrowLeft} ${T.previousStep}`, 'class="presenter-nav"')}
      ${button('next', `${T.nextStep} ${T.arrowRight}`, 'class="presenter-nav is-primary"')}
    </div>
    <div class="presenter-group">
      ${button('freeze', T.freezeAudience, 'aria-pressed="false"')}
      ${button('blackout', T.blackout, 'aria-pressed="false"')}
      ${button('overview', T.overview, 'aria-pressed="false"')}
    </div>
    <div class="presenter-group">
      ${button('rehearsal', T.startRehearsal, 'class="presenter-rehearsal" aria-pressed="false"')}
      ${button('downloadJson', `${T.downloadReport} JSON`, 'disabled')}
      ${button('downloadCsv', 'CSV', `disabled aria-label="${T.downloadReport} CSV"`)}
    </div>
    <div class="presenter-group presenter-plan">
      <label class="presenter-plan-load"><input type="file" accept=".json,.csv,application/json,text/csv" class="presenter-plan-input">${T.loadPlan}</label>
      ${button('clearPlan', T.clearPlan, 'hidden')}
      <span class="presenter-plan-source"></span>
    </div>
    <div class="presenter-group">
      ${button('phoneRemote', `${T.phoneRemote} <span lang="en">/ Phone remote</span>`, 'aria-haspopup="dialog"')}
    </div>
  </footer>
</main>`;

/** Sets text only when it changed (the view redraws twice a second). */
function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function wallClock(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * Builds the console in `root` for `deck`; `onAction` gets each button's action name, `onPointer`
 * the laser pointer drawn with the mouse held down on the current slide's preview.
 */
export function createPresenterView(
  root: HTMLElement,
  deck: Deck,
  onAction: (action: PresenterAction) => void,
  onPointer: (at: PointerAt | null) => void = () => {},
): PresenterView {
  root.innerHTML = TEMPLATE;
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector)!;
  const actionButton = (action: PresenterAction) => $<HTMLButtonElement>(`button[data-action="${action}"]`);
  const current = createSlidePreview($('.presenter-current-preview'));
  const next = createSlidePreview($('.presenter-next-preview'));
  const notes = $('.presenter-notes-text');
  const timeline = $('.presenter-timeline-slides');
  const onClick = (event: MouseEvent) => {
    const target = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = parsePresenterAction(target?.dataset.action);
    if (target && !target.disabled && action) onAction(action);
  };
  root.addEventListener('click', onClick);
  // Frozen, the preview shows a slide the audience does not see: nothing to point at.
  let pointable = true;
  const unbindPointer = bindPointerInput(
    $('.presenter-current-preview'),
    () => (pointable ? current.frame() : null),
    onPointer,
  );
  let notesFor = -1;
  let timelinePlan: Plan | null = null;

  const drawTimeline = (plan: Plan) => {
    if (plan === timelinePlan) return;
    timelinePlan = plan;
    timeline.replaceChildren(
      ...plan.seconds.map((seconds, i) => {
        const cell = document.createElement('span');
        cell.style.flexGrow = String(Math.max(seconds, 1));
        if (deck.slides[i]?.level === 1) cell.classList.add('is-part');
        return cell;
      }),
    );
  };

  const update = (m: ConsoleModel) => {
    const slide = deck.slides[m.view.h];
    const steps = deck.slides.map((s) => s.steps);
    pointable = !m.frozen || (m.view.h === m.audience.h && m.view.f === m.audience.f);
    const total = deck.slides.length;

    // Timer and pacing
    setText($('.presenter-clock'), formatDuration(m.elapsed));
    $('.presenter-timer').classList.toggle('is-paused', !m.running);
    const toggle = $('.presenter-timer-toggle');
    setText(toggle, m.running ? T.pauseTimer : T.resumeTimer);
    toggle.setAttribute('aria-pressed', String(!m.running));
    const pacing = $('.presenter-pacing');
    pacing.dataset.status = m.running ? m.pacing.status : 'paused';
    const status =
      m.pacing.status === 'on-track'
        ? T.pacingOnTrack
        : `${PACING_LABEL[m.pacing.status]} ${formatDuration(Math.abs(m.pacing.delta))}`;
    setText($('.presenter-pacing-status'), m.running ? status : `${T.timerPaused} ${T.separator} ${status}`);
    const left =
      m.pacing.remaining >= 0
        ? `${T.remaining} ${formatDuration(m.pacing.remaining)}`
        : `${T.overtime} ${formatDuration(-m.pacing.remaining)}`;
    const slideTime = $('.presenter-slide-time');
    setText(
      slideTime,
      `${T.onThisSlide} ${formatDuration(m.onSlide)} / ${formatDuration(m.pacing.slidePlanned)}`,
    );
    slideTime.classList.toggle('is-over', m.onSlide > m.pacing.slidePlanned);
    setText(
      $('.presenter-plan-time'),
      `${T.planTotal} ${formatDuration(m.plan.total)} ${T.separator} ${left}`,
    );
    setText($('.presenter-wall'), wallClock(m.now));

    // Where we are, and the audience's state
    setText($('.presenter-count'), `${T.slideLabel} ${m.view.h + 1} / ${total}`);
    const audiences = $('.presenter-audiences');
    setText(audiences, `${T.audienceWindows} ${m.audiences ?? 0}`);
    audiences.classList.toggle('is-connected', (m.audiences ?? 0) > 0);
    const states: Record<string, boolean> = {
      frozen: m.frozen,
      paused: m.audience.paused,
      overview: m.audience.overview,
      rehearsing: m.rehearsing,
    };
    root
      .querySelectorAll<HTMLElement>('.presenter-states [data-state]')
      .forEach((pill) => (pill.hidden = !states[pill.dataset.state!]));
    $('.presenter-alone').hidden = m.audiences !== 0;
    $('.presenter-frozen').hidden = !m.frozen;
    setText(
      $('.presenter-frozen-text'),
      `${T.audienceFrozen} ${T.separator} ${T.audienceAt} ${m.audience.h + 1} / ${total}`,
    );
    for (const [action, on] of [
      ['freeze', m.frozen],
      ['blackout', m.audience.paused],
      ['overview', m.audience.overview],
      ['rehearsal', m.rehearsing],
    ] as const) {
      actionButton(action).setAttribute('aria-pressed', String(on));
    }
    setText(actionButton('freeze'), m.frozen ? T.unfreezeAudience : T.freezeAudience);
    setText(actionButton('rehearsal'), m.rehearsing ? T.stopRehearsal : T.startRehearsal);
    actionButton('downloadJson').disabled = !m.hasRecording;
    actionButton('downloadCsv').disabled = !m.hasRecording;
    actionButton('clearPlan').hidden = m.plan.source !== 'rehearsal';
    setText($('.presenter-plan-source'), m.planMessage || PLAN_SOURCE_LABEL[m.plan.source]);

    // Timeline: one cell per slide, as wide as its planned time
    drawTimeline(m.plan);
    timeline.querySelectorAll('span').forEach((cell, i) => {
      cell.classList.toggle('is-done', i < m.audience.h);
      cell.classList.toggle('is-current', i === m.audience.h);
      cell.classList.toggle('is-viewed', m.frozen && i === m.view.h);
    });
    const share = m.plan.total > 0 ? Math.min(m.elapsed / m.plan.total, 1) : 0;
    $('.presenter-timeline-now').style.left = `${(share * 100).toFixed(3)}%`;

    // Current slide, next step, notes
    setText($('#presenter-title'), slide?.title ?? '');
    setText(
      $('.presenter-steps'),
      slide && slide.steps > 0 ? `${T.stepLabel} ${m.view.f + 1} / ${slide.steps}` : '',
    );
    current.show(slide, m.view.f);
    $('.presenter-current').classList.toggle('is-dimmed', !m.frozen && m.audience.paused);
    const after = upcoming(steps, m.view);
    const nextSlide = after ? deck.slides[after.position.h] : undefined;
    setText(
      $('#presenter-next-label'),
      after?.kind === 'step'
        ? `${T.nextStep} ${T.separator} ${T.stepLabel} ${after.position.f + 1} / ${nextSlide?.steps ?? 0}`
        : T.next,
    );
    next.show(nextSlide, after?.position.f ?? -1, T.endOfDeck);
    setText($('.presenter-next-title'), after ? (nextSlide?.title ?? '') : T.endOfDeck);
    if (notesFor !== m.view.h) {
      notesFor = m.view.h;
      notes.innerHTML = slide?.notesHtml ?? '';
      notes.scrollTop = 0;
    }
    notes.style.fontSize = `${m.notesSize}px`;
  };

  return {
    update,
    planInput: $<HTMLInputElement>('.presenter-plan-input'),
    destroy() {
      root.removeEventListener('click', onClick);
      unbindPointer();
      current.destroy();
      next.destroy();
    },
  };
}
