// A tiny typed message bus between the audience window(s), the presenter console and the
// presenter's phone of the same deck. Windows of one browser talk over BroadcastChannel, or
// `storage` events on localStorage where BroadcastChannel is missing: no server, no window.opener.
// A page holding the pairing token of `npm run present -- --remote` (the console, the phone) also
// talks to the relay, and bridges: what comes from the relay is re-posted to the windows here, and
// what the windows here say goes to the relay. Foreign or malformed messages are dropped before
// anyone sees them, whichever way they came.
import {
  parseMessage,
  wireMessage,
  type DeckMessage,
  type OutgoingMessage,
  type Role,
} from '../../shared/sync-protocol.js';
import { openRelayLink } from './remote-link.js';
import { isNewer } from './sync-register.js';

export type { DeckMessage, OutgoingMessage, Role, SharedState } from '../../shared/sync-protocol.js';

const CHANNEL_PREFIX = 'deck-sync:';
/**
 * Marks a message a bridge re-posted from the relay: no bridge sends it back to the relay, so two
 * consoles never pass one message to and fro. parseMessage ignores the field.
 */
const RELAYED = 'relayed';

export interface SyncChannel {
  /** This window's id (random, new on every load). */
  readonly id: string;
  /** How messages travel between this browser's windows: `broadcast`, `storage`, or `none` when neither works here. */
  readonly transport: 'broadcast' | 'storage' | 'none';
  send(message: OutgoingMessage): void;
  close(): void;
}

/** The windows of this browser: post to all the others, hear from all the others. */
interface LocalTransport {
  readonly kind: SyncChannel['transport'];
  post(data: Record<string, unknown>): void;
  close(): void;
}

/** Opens the channel for the deck `deckKey` as `role`; `onMessage` only ever sees valid messages from other windows. */
export function openSyncChannel(
  deckKey: string,
  role: Role,
  onMessage: (message: DeckMessage) => void,
): SyncChannel {
  const id = randomId();
  const wire = (message: OutgoingMessage) => wireMessage(message, id, role, deckKey);
  /** A message passed on as its sender wrote it (as the parser read it). */
  const passOn = (message: DeckMessage) => wireMessage(message, message.from, message.role, deckKey);
  /**
   * The newest state this window has sent or heard. After an outage the relay's clients come back
   * one by one, and a hello is only answered by those already there: so on (re)connecting, a page
   * also re-sends this. Stamped, it moves only those who are behind.
   */
  let newest: Extract<DeckMessage, { type: 'state' }> | null = null;
  const note = (message: DeckMessage) => {
    if (message.type === 'state' && (!newest || isNewer(message.stamp, newest.stamp))) {
      const { to: _, ...everyone } = message;
      newest = everyone;
    }
  };
  const fromHere = (data: unknown) => {
    const message = parseMessage(data, deckKey);
    if (!message || message.from === id) return;
    note(message);
    // Passed on before this window reacts: its own work (a console renders previews) must not delay the others.
    if (!(data as Record<string, unknown>)[RELAYED]) relay?.send(passOn(message));
    onMessage(message);
  };
  const fromRelay = (data: unknown) => {
    const message = parseMessage(data, deckKey);
    if (!message || message.from === id) return;
    note(message);
    local.post({ ...passOn(message), [RELAYED]: true });
    onMessage(message);
  };
  const local = openLocalTransport(CHANNEL_PREFIX + deckKey, fromHere);
  // Any window holding the token bridges, the audience window too: `npm run present -- --remote`
  // opens the deck with it, so the phone drives the talk with no console open. A window without
  // the token (another machine showing the deck) follows through a bridge of its own browser.
  const onConnect = () => {
    if (newest) relay?.send(passOn(newest));
    relay?.send(wire({ type: 'hello' }));
  };
  const relay = openRelayLink(fromRelay, onConnect);
  return {
    id,
    transport: local.kind,
    send: (message) => {
      const data = wire(message);
      if (message.type === 'state') note({ ...message, from: id, role });
      local.post(data);
      relay?.send(data);
    },
    close: () => {
      local.close();
      relay?.close();
    },
  };
}

function openLocalTransport(name: string, onData: (data: unknown) => void): LocalTransport {
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name);
    const onChannelMessage = (event: MessageEvent) => onData(event.data);
    channel.addEventListener('message', onChannelMessage);
    return {
      kind: 'broadcast',
      post: (data) => channel.postMessage(data),
      close: () => {
        channel.removeEventListener('message', onChannelMessage);
        channel.close();
      },
    };
  }
  const storage = localStorageOrNull();
  if (!storage) return { kind: 'none', post() {}, close() {} };
  // Other windows of the origin get a `storage` event for every write; the nonce makes each write a change.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || !event.newValue) return;
    try {
      onData(JSON.parse(event.newValue));
    } catch {
      // not JSON: not ours
    }
  };
  window.addEventListener('storage', onStorage);
  return {
    kind: 'storage',
    post: (data) => {
      try {
        storage.setItem(name, JSON.stringify({ ...data, nonce: randomId() }));
      } catch {
        // storage full or blocked: this window just cannot talk
      }
    },
    close: () => window.removeEventListener('storage', onStorage),
  };
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2) + Date.now().toString(36);
}
