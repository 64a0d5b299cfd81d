// Keeps every audience window and the presenter console on the same slide, build step, overview
// and blackout. An audience window publishes its own moves, follows newer moves from any other
// window, and on (re)load asks the others where the talk is. It also hands on the laser pointer.
import type { RevealApi } from 'reveal.js';
import { fitsDeck } from './deck-position.js';
import { openSyncChannel, type DeckMessage, type SharedState } from './sync-channel.js';
import type { PointerAt } from '../../shared/sync-protocol.js';
import { keepTokenOutOfSight } from './remote-link.js';
import { firstStamp, isNewer, nextStamp } from './sync-register.js';

/** reveal.js events after which the shared state may have changed. */
const STATE_EVENTS = [
  'slidechanged',
  'fragmentshown',
  'fragmenthidden',
  'overviewshown',
  'overviewhidden',
  'paused',
  'resumed',
] as const;

/** The shared state as `reveal` shows it now. */
export function readState(reveal: RevealApi): SharedState {
  const { h, f } = reveal.getIndices();
  return { h, f: f ?? -1, overview: reveal.isOverview(), paused: reveal.isPaused() };
}

/** Build steps of each slide as reveal.js has them. */
function stepsOf(reveal: RevealApi): number[] {
  return reveal.getHorizontalSlides().map((slide) => slide.querySelectorAll('.fragment').length);
}

export function sameState(a: SharedState, b: SharedState): boolean {
  return a.h === b.h && a.f === b.f && a.overview === b.overview && a.paused === b.paused;
}

/** Moves `reveal` to `state` (leaving the overview first and entering it last, so the right slide is picked). */
export function applyState(reveal: RevealApi, state: SharedState): void {
  if (!state.overview && reveal.isOverview()) reveal.toggleOverview(false);
  const { h, f } = readState(reveal);
  if (h !== state.h || f !== state.f) reveal.slide(state.h, 0, state.f);
  if (state.overview && !reveal.isOverview()) reveal.toggleOverview(true);
  if (state.paused !== reveal.isPaused()) reveal.togglePause(state.paused);
}

/**
 * Publishes every move of `reveal` and follows moves made in the console, the phone or other
 * audience windows; `onPointer` gets the laser pointer's moves. Returns an undo.
 */
export function syncAudience(
  reveal: RevealApi,
  deckKey: string,
  onPointer: (at: PointerAt | null) => void = () => {},
): () => void {
  // A print view (PDF export, handout) is not part of the talk: it neither follows nor leads.
  if (reveal.getConfig().view === 'print') return () => {};
  // `npm run present -- --remote` opens the deck with the pairing token: kept for the console, hidden from the room.
  keepTokenOutOfSight();
  let shared = readState(reveal);
  let applying = false;
  const onMessage = (message: DeckMessage) => {
    if (message.type === 'pointer') onPointer(message.at);
    if (message.type === 'hello') channel.send({ type: 'state', state: shared, stamp, to: message.from });
    if (message.type !== 'state' || (message.to !== undefined && message.to !== channel.id)) return;
    if (!fitsDeck(stepsOf(reveal), message.state) || !isNewer(message.stamp, stamp)) return;
    stamp = message.stamp;
    applying = true;
    try {
      applyState(reveal, message.state);
    } finally {
      applying = false;
    }
    // reveal.js may clamp a position it cannot show; keep what it shows, under the same stamp.
    shared = readState(reveal);
  };
  const channel = openSyncChannel(deckKey, 'audience', onMessage);
  let stamp = firstStamp(channel.id, 'audience');
  const publish = () => {
    if (applying) return;
    const now = readState(reveal);
    if (sameState(now, shared)) return;
    shared = now;
    stamp = nextStamp(stamp, Date.now(), channel.id);
    channel.send({ type: 'state', state: shared, stamp });
  };
  const onPageHide = () => channel.send({ type: 'bye' });
  for (const name of STATE_EVENTS) reveal.on(name, publish);
  window.addEventListener('pagehide', onPageHide);
  // A window that just loaded does not impose its position: it asks, and the newest answer wins.
  channel.send({ type: 'hello' });
  return () => {
    for (const name of STATE_EVENTS) reveal.off(name, publish);
    window.removeEventListener('pagehide', onPageHide);
    onPageHide();
    channel.close();
  };
}
