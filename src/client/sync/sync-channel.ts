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
  const fromHere = (data: unknown) => {
    const message = parseMessage(data, deckKey);
    if (!message || message.from === id) return;
    onMessage(message);
    if (!(data as Record<string, unknown>)[RELAYED]) relay?.send(passOn(message));
  };
  const fromRelay = (data: unknown) => {
    const message = parseMessage(data, deckKey);
    if (!message || message.from === id) return;
    onMessage(message);
    local.post({ ...passOn(message), [RELAYED]: true });
  };
  const local = openLocalTransport(CHANNEL_PREFIX + deckKey, fromHere);
  // Audience windows never hold the token: they follow the phone through a console's bridge.
  const relay =
    role === 'audience' ? null : openRelayLink(fromRelay, () => relay?.send(wire({ type: 'hello' })));
  return {
    id,
    transport: local.kind,
    send: (message) => {
      const data = wire(message);
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
