// A tiny typed message bus between the audience window(s) and the presenter console of the same
// deck: BroadcastChannel, or `storage` events on localStorage where BroadcastChannel is missing.
// No server and no window.opener. Foreign or malformed messages are dropped before anyone sees them.
import {
  parseMessage,
  wireMessage,
  type DeckMessage,
  type OutgoingMessage,
  type Role,
} from '../../shared/sync-protocol.js';

export type { DeckMessage, OutgoingMessage, Role, SharedState } from '../../shared/sync-protocol.js';

const CHANNEL_PREFIX = 'deck-sync:';

export interface SyncChannel {
  /** This window's id (random, new on every load). */
  readonly id: string;
  /** How messages travel: `broadcast`, `storage`, or `none` when neither works here. */
  readonly transport: 'broadcast' | 'storage' | 'none';
  send(message: OutgoingMessage): void;
  close(): void;
}

/** Opens the channel for the deck `deckKey` as `role`; `onMessage` only ever sees valid messages from other windows. */
export function openSyncChannel(
  deckKey: string,
  role: Role,
  onMessage: (message: DeckMessage) => void,
): SyncChannel {
  const id = randomId();
  const deliver = (data: unknown) => {
    const message = parseMessage(data, deckKey);
    if (message && message.from !== id) onMessage(message);
  };
  const wire = (message: OutgoingMessage) => wireMessage(message, id, role, deckKey);
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL_PREFIX + deckKey);
    const onChannelMessage = (event: MessageEvent) => deliver(event.data);
    channel.addEventListener('message', onChannelMessage);
    return {
      id,
      transport: 'broadcast',
      send: (message) => channel.postMessage(wire(message)),
      close: () => {
        channel.removeEventListener('message', onChannelMessage);
        channel.close();
      },
    };
  }
  const storage = localStorageOrNull();
  if (!storage) return { id, transport: 'none', send() {}, close() {} };
  // Other windows of the origin get a `storage` event for every write; the nonce makes each write a change.
  const key = CHANNEL_PREFIX + deckKey;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key || !event.newValue) return;
    try {
      deliver(JSON.parse(event.newValue));
    } catch {
      // not JSON: not ours
    }
  };
  window.addEventListener('storage', onStorage);
  return {
    id,
    transport: 'storage',
    send: (message) => {
      try {
        storage.setItem(key, JSON.stringify({ ...wire(message), nonce: randomId() }));
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
