// The presenter console (`?presenter`): current slide at its build step, the next step, notes,
// talk clock with pacing against the plan, freeze, blackout, overview and rehearsal. It drives
// every audience window and follows them over the sync channel; it runs no reveal.js itself.
import type { Deck } from '../../shared/deck.js';
import {
  clampPosition,
  fitsDeck,
  nextPosition,
  previousPosition,
  type Position,
} from '../sync/deck-position.js';
import { pacingAt, planFromDeck, planFromSeconds, type Plan } from './pacing.js';
import { elapsedMs, pauseClock, resetClock, resumeClock, startClock } from './presenter-clock.js';
import { audienceUrl } from '../audience/presenter-launch.js';
import {
  loadNotesSize,
  loadPlanSeconds,
  loadSession,
  saveNotesSize,
  savePlanSeconds,
  saveSession,
  stepNotesSize,
  type ConsoleSession,
} from './presenter-session.js';
import type { PresenterAction } from './presenter-actions.js';
import { createPresenterView } from './presenter-view.js';
import { createRemotePanel } from './remote-panel.js';
import {
  planSecondsFromReport,
  recordMove,
  recordedSeconds,
  rehearsalReport,
  reportToCsv,
  startRecording,
} from './rehearsal.js';
import { consoleAction } from '../ui/shortcuts.js';
import { bindShortcutsOverlay, isTyping } from '../ui/shortcuts-overlay.js';
import { openSyncChannel, type DeckMessage, type SharedState } from '../sync/sync-channel.js';
import { firstStamp, isNewer, nextStamp } from '../sync/sync-register.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

/** How long a new console waits for audience windows to answer before saying there are none. */
const GREETING_MS = 1000;
const TICK_MS = 500;
const PLAN_MESSAGE_MS = 6000;

/** Replaces the page with the presenter console for `deck`. Returns an undo. */
export function startPresenter(deck: Deck): () => void {
  const key = deck.meta.title;
  const steps = deck.slides.map((s) => s.steps);
  const now = () => Date.now();
  const saved = loadSession(key, steps, now());
  const session: ConsoleSession = saved ?? {
    view: { h: 0, f: -1 },
    frozen: false,
    clock: startClock(now()),
    slideSince: 0,
    rehearsal: null,
  };
  let audience: SharedState = { ...session.view, overview: false, paused: false };
  const audiences = new Set<string>();
  let greeted = false;
  let notesSize = loadNotesSize();
  const deckPlan = planFromDeck(deck.slides, deck.meta.duration);
  const storedPlan = loadPlanSeconds(key, deck.slides.length);
  let plan: Plan = storedPlan ? planFromSeconds(storedPlan) : deckPlan;
  let planMessage = '';
  let planMessageTimer: ReturnType<typeof setTimeout> | undefined;

  document.body.className = 'presenter';
  document.title = `${T.presenterTitle} ${T.separator} ${deck.meta.title}`;
  const talk = () => elapsedMs(session.clock, now()) / 1000;
  const refresh = () =>
    ui.update({
      view: session.view,
      audience,
      frozen: session.frozen,
      audiences: greeted || audiences.size > 0 ? audiences.size : null,
      elapsed: talk(),
      running: session.clock.running,
      onSlide: Math.max(0, talk() - session.slideSince),
      plan,
      pacing: pacingAt(plan, audience.h, talk()),
      rehearsing: session.rehearsal?.active === true,
      hasRecording: session.rehearsal !== null,
      notesSize,
      planMessage,
      now: new Date(now()),
    });

  /** Takes `next` as what the audience sees; the console follows unless frozen. */
  const takeAudience = (next: SharedState) => {
    if (next.h !== audience.h) {
      const at = talk();
      session.slideSince = at;
      const r = session.rehearsal;
      if (r?.active) session.rehearsal = { active: true, recording: recordMove(r.recording, next.h, at) };
    }
    audience = next;
    if (!session.frozen) session.view = { h: next.h, f: next.f };
  };
  /** A change made here: stamp it, take it, tell everyone. */
  const change = (next: SharedState) => {
    stamp = nextStamp(stamp, now(), channel.id);
    takeAudience(next);
    channel.send({ type: 'state', state: audience, stamp });
  };
  const moveTo = (p: Position) => {
    session.view = clampPosition(steps, p);
    if (!session.frozen) change({ ...audience, ...session.view });
  };

  const onMessage = (message: DeckMessage) => {
    if (message.role === 'audience') {
      if (message.type === 'bye') audiences.delete(message.from);
      else audiences.add(message.from);
    }
    if (message.type === 'hello') channel.send({ type: 'state', state: audience, stamp, to: message.from });
    const forMe = message.type === 'state' && (message.to === undefined || message.to === channel.id);
    if (forMe && fitsDeck(steps, message.state) && isNewer(message.stamp, stamp)) {
      stamp = message.stamp;
      takeAudience(message.state);
      saveSession(key, session, now());
    }
    refresh();
  };

  const download = (name: string, type: string, text: string) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const report = () => {
    const r = session.rehearsal!;
    const seconds = r.active ? recordedSeconds(r.recording, talk()) : r.recording.seconds;
    return rehearsalReport(deck.meta.title, deck.slides, seconds, new Date(now()));
  };
  const reportName = (ext: string) =>
    `rehearsal-${new Date(now()).toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${ext}`;
  const showPlanMessage = (text: string) => {
    planMessage = text;
    clearTimeout(planMessageTimer);
    planMessageTimer = setTimeout(() => {
      planMessage = '';
      refresh();
    }, PLAN_MESSAGE_MS);
  };

  // Every action has its handler: a Record over the union makes a missing one a type error.
  const actions: Record<PresenterAction, () => void> = {
    next: () => moveTo(nextPosition(steps, session.view)),
    previous: () => moveTo(previousPosition(steps, session.view)),
    first: () => moveTo({ h: 0, f: -1 }),
    last: () => moveTo({ h: steps.length - 1, f: -1 }),
    blackout: () => change({ ...audience, paused: !audience.paused }),
    overview: () => change({ ...audience, overview: !audience.overview }),
    escape: () => audience.overview && change({ ...audience, overview: false }),
    freeze: () => {
      session.frozen = !session.frozen;
      // Unfreezing brings the audience to where the presenter is.
      if (!session.frozen) change({ ...audience, ...session.view });
    },
    backToAudience: () => (session.view = { h: audience.h, f: audience.f }),
    timer: () =>
      (session.clock = session.clock.running
        ? pauseClock(session.clock, now())
        : resumeClock(session.clock, now())),
    resetTimer: () => {
      session.clock = resetClock(session.clock, now());
      session.slideSince = 0;
      if (session.rehearsal?.active)
        session.rehearsal = { active: true, recording: startRecording(steps.length, audience.h, 0) };
    },
    rehearsal: () => {
      const r = session.rehearsal;
      if (r?.active) {
        const at = talk();
        session.rehearsal = {
          active: false,
          recording: { seconds: recordedSeconds(r.recording, at), h: -1, since: at },
        };
        session.clock = pauseClock(session.clock, now());
      } else {
        session.clock = startClock(now());
        session.slideSince = 0;
        session.rehearsal = { active: true, recording: startRecording(steps.length, audience.h, 0) };
      }
    },
    downloadJson: () =>
      session.rehearsal &&
      download(reportName('json'), 'application/json', JSON.stringify(report(), null, 2) + '\n'),
    downloadCsv: () =>
      session.rehearsal && download(reportName('csv'), 'text/csv;charset=utf-8', reportToCsv(report())),
    clearPlan: () => {
      savePlanSeconds(key, null);
      plan = deckPlan;
      showPlanMessage('');
    },
    notesLarger: () => saveNotesSize((notesSize = stepNotesSize(notesSize, 1))),
    notesSmaller: () => saveNotesSize((notesSize = stepNotesSize(notesSize, -1))),
    help: () => overlay.toggle(),
    openAudience: () => void window.open(audienceUrl(), 'deck-audience'),
    phoneRemote: () => remotePanel.toggle(),
  };
  const act = (name: PresenterAction) => {
    actions[name]();
    saveSession(key, session, now());
    refresh();
  };

  const ui = createPresenterView(document.body, deck, act, (at) => channel.send({ type: 'pointer', at }));
  const overlay = bindShortcutsOverlay('presenter');
  const remotePanel = createRemotePanel();
  const channel = openSyncChannel(key, 'presenter', onMessage);
  let stamp = firstStamp(channel.id, 'presenter');

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target)) return;
    // A modal dialog (the phone-remote panel) has the keys: the slides stay where they are.
    if (document.querySelector('dialog[open]')) return;
    // Space and Enter on a focused button press that button.
    if (
      (event.key === ' ' || event.key === 'Enter') &&
      (event.target as Element).closest?.('button, a, label')
    )
      return;
    const action = consoleAction(event);
    if (!action) return;
    event.preventDefault();
    act(action);
  };
  const loadPlanFile = async () => {
    const file = ui.planInput.files?.[0];
    ui.planInput.value = '';
    if (!file) return;
    const seconds = planSecondsFromReport(await file.text(), deck.slides);
    if (seconds) {
      const merged = seconds.map((s, i) => s ?? deckPlan.seconds[i] ?? 0);
      savePlanSeconds(key, merged);
      plan = planFromSeconds(merged);
    }
    showPlanMessage(seconds ? T.planLoaded : T.planInvalid);
    refresh();
  };
  const onPageHide = () => {
    saveSession(key, session, now());
    channel.send({ type: 'bye' });
  };
  document.addEventListener('keydown', onKeyDown);
  const onPlanFile = () => void loadPlanFile();
  ui.planInput.addEventListener('change', onPlanFile);
  window.addEventListener('pagehide', onPageHide);
  const ticker = setInterval(refresh, TICK_MS);
  const greeting = setTimeout(() => {
    greeted = true;
    refresh();
  }, GREETING_MS);

  refresh();
  channel.send({ type: 'hello' });
  void document.fonts.ready.then(() => {
    document.documentElement.dataset.presenterReady = 'true';
    // Glyphs not on screen yet (the font comes in unicode-range parts): fetch them before a dialog needs them.
    for (const face of document.fonts) if (face.status === 'unloaded') face.load().catch(() => {});
  });
  return () => {
    clearInterval(ticker);
    clearTimeout(greeting);
    clearTimeout(planMessageTimer);
    document.removeEventListener('keydown', onKeyDown);
    ui.planInput.removeEventListener('change', onPlanFile);
    window.removeEventListener('pagehide', onPageHide);
    onPageHide();
    channel.close();
    overlay.destroy();
    remotePanel.destroy();
    ui.destroy();
  };
}
