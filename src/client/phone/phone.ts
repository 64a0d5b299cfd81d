// The phone remote (`?phone`): drives the talk from the presenter's phone through the same sync
// messages as the console (over the relay of `npm run present -- --remote`, or BroadcastChannel in
// the laptop's own browser). It shows what the audience sees, moves it, points at it, and keeps
// its own talk clock. Like the console, it runs no reveal.js.
import type { Deck } from '../../shared/deck.js';
import type { SharedState } from '../../shared/sync-protocol.js';
import { clampPosition, fitsDeck, nextPosition, previousPosition } from '../sync/deck-position.js';
import { openSyncChannel, type DeckMessage } from '../sync/sync-channel.js';
import { firstStamp, isNewer, nextStamp } from '../sync/sync-register.js';
import { onRelayStatus, pairingToken, type RelayStatus } from '../sync/remote-link.js';
import { pacingAt, planFromDeck, planFromSeconds } from '../presenter/pacing.js';
import { elapsedMs, pauseClock, resumeClock } from '../presenter/presenter-clock.js';
import {
  loadNotesSize,
  loadPlanSeconds,
  saveNotesSize,
  stepNotesSize,
} from '../presenter/presenter-session.js';
import { createPhoneView, type PhoneAction } from './phone-view.js';
import { loadPhoneClock, PHONE_NOTES_SIZES, savePhoneClock } from './phone-session.js';
import { keepScreenAwake } from './wake-lock.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

const TICK_MS = 500;

/** Replaces the page with the phone remote for `deck`. Returns an undo. */
export function startPhone(deck: Deck): () => void {
  const key = deck.meta.title;
  const steps = deck.slides.map((s) => s.steps);
  const now = () => Date.now();
  let clock = loadPhoneClock(key, now());
  savePhoneClock(key, clock, now());
  let notesSize = loadNotesSize(PHONE_NOTES_SIZES);
  let relay: RelayStatus = 'off';
  const stored = loadPlanSeconds(key, deck.slides.length);
  const plan = stored ? planFromSeconds(stored) : planFromDeck(deck.slides, deck.meta.duration);
  /** What the audience sees, as far as this phone has heard. */
  let shared: SharedState = { h: 0, f: -1, overview: false, paused: false };

  document.body.className = 'phone';
  document.title = `${T.phoneTitle} ${T.separator} ${deck.meta.title}`;
  const refresh = () => {
    const elapsed = elapsedMs(clock, now()) / 1000;
    view.update({
      state: shared,
      elapsed,
      running: clock.running,
      pacing: pacingAt(plan, shared.h, elapsed),
      notesSize,
      relay,
      hasToken: pairingToken() !== null || new URLSearchParams(window.location.search).has('token'),
    });
  };

  /** A change made here: stamp it, take it, tell everyone. */
  const change = (next: SharedState) => {
    stamp = nextStamp(stamp, now(), channel.id);
    shared = next;
    channel.send({ type: 'state', state: shared, stamp });
  };
  const actions: Record<PhoneAction, () => void> = {
    next: () => change({ ...shared, ...nextPosition(steps, shared) }),
    previous: () => change({ ...shared, ...previousPosition(steps, shared) }),
    blackout: () => change({ ...shared, paused: !shared.paused }),
    timer: () => {
      clock = clock.running ? pauseClock(clock, now()) : resumeClock(clock, now());
      savePhoneClock(key, clock, now());
    },
    notesLarger: () =>
      saveNotesSize((notesSize = stepNotesSize(notesSize, 1, PHONE_NOTES_SIZES)), PHONE_NOTES_SIZES),
    notesSmaller: () =>
      saveNotesSize((notesSize = stepNotesSize(notesSize, -1, PHONE_NOTES_SIZES)), PHONE_NOTES_SIZES),
  };

  const onMessage = (message: DeckMessage) => {
    if (message.type === 'hello') {
      channel.send({ type: 'state', state: shared, stamp, to: message.from });
      // A console that just (re)joined the relay may bring moves made while this phone was cut off:
      // ask again. (Its own hello is answered with state, never a hello: no echo.)
      if (message.role === 'presenter') channel.send({ type: 'hello' });
    }
    const forMe = message.type === 'state' && (message.to === undefined || message.to === channel.id);
    if (forMe && fitsDeck(steps, message.state) && isNewer(message.stamp, stamp)) {
      stamp = message.stamp;
      shared = message.state;
      refresh();
    }
  };

  const view = createPhoneView(document.body, deck, {
    onAction: (action) => {
      actions[action]();
      refresh();
    },
    // A jump leaves the overview, as picking a slide there does.
    onJump: (h) => {
      change({ ...shared, ...clampPosition(steps, { h, f: -1 }), overview: false });
      refresh();
    },
    onPointer: (at) => channel.send({ type: 'pointer', at }),
  });
  const channel = openSyncChannel(key, 'phone', onMessage);
  let stamp = firstStamp(channel.id, 'phone');
  const stopRelayStatus = onRelayStatus((status) => {
    relay = status;
    refresh();
  });
  const releaseWakeLock = keepScreenAwake();
  const onPageHide = () => {
    savePhoneClock(key, clock, now());
    channel.send({ type: 'bye' });
  };
  window.addEventListener('pagehide', onPageHide);
  const ticker = setInterval(refresh, TICK_MS);

  refresh();
  // Where is the talk? The audience windows and the console answer.
  channel.send({ type: 'hello' });
  void document.fonts.ready.then(() => {
    document.documentElement.dataset.phoneReady = 'true';
    for (const face of document.fonts) if (face.status === 'unloaded') face.load().catch(() => {});
  });
  return () => {
    clearInterval(ticker);
    window.removeEventListener('pagehide', onPageHide);
    onPageHide();
    stopRelayStatus();
    releaseWakeLock();
    channel.close();
    view.destroy();
  };
}
