// A tiny typed message bus between the audience window(s) and the presenter console of the same
// deck: BroadcastChannel, or `storage` events on localStorage where BroadcastChannel is missing.
// No server and no window.opener. Foreign or malformed messages are dropped before anyone sees them.
import type { Stamp } from './sync-register.js';

/** What every window shows: slide, build step, overview and blackout (reveal's "paused"). */
export interface SharedState {
  h: number;
  f: number;
  overview: boolean;
  paused: boolean;
}

export type Role = 'audience' | 'presenter';

/**
 * `hello`: "I just (re)loaded, tell me where we are"; `state`: the shared state after a change, or
 * the answer to a hello (then `to` names the window that asked); `bye`: the window is going away.
 */
export type DeckMessage =
  | { type: 'hello'; from: string; role: Role }
  | { type: 'bye'; from: string; role: Role }
  | { type: 'state'; from: string; role: Role; state: SharedState; stamp: Stamp; to?: string };

/** A message before the channel adds the sender's id and role. */
export type OutgoingMessage = WithoutSender<DeckMessage>;
type WithoutSender<M> = M extends DeckMessage ? Omit<M, 'from' | 'role'> : never;

const APP = 'deck-sync';
const VERSION = 1;
const CHANNEL_PREFIX = 'deck-sync:';
const MAX_ID = 64;
const MAX_INDEX = 100_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
const isIndex = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_INDEX;

function parseState(value: unknown): SharedState | null {
  if (!isRecord(value)) return null;
  const { h, f, overview, paused } = value;
  if (!isIndex(h, 0) || !isIndex(f, -1) || typeof overview !== 'boolean' || typeof paused !== 'boolean')
    return null;
  return { h, f, overview, paused };
}

function parseStamp(value: unknown): Stamp | null {
  if (!isRecord(value)) return null;
  const { time, by } = value;
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || !isId(by)) return null;
  return { time, by };
}

/** Checks a message from another window for deck `deckKey` before anything acts on it; null if it is not one. */
export function parseMessage(data: unknown, deckKey: string): DeckMessage | null {
  if (!isRecord(data) || data.app !== APP || data.v !== VERSION || data.deck !== deckKey) return null;
  const { type, from, role } = data;
  if (!isId(from) || (role !== 'audience' && role !== 'presenter')) return null;
  if (type === 'hello' || type === 'bye') return { type, from, role };
  if (type !== 'state') return null;
  const state = parseState(data.state);
  const stamp = parseStamp(data.stamp);
  if (!state || !stamp) return null;
  if (data.to === undefined) return { type, from, role, state, stamp };
  return isId(data.to) ? { type, from, role, state, stamp, to: data.to } : null;
}

/** The message as it travels between windows. */
export function wireMessage(
  message: OutgoingMessage,
  from: string,
  role: Role,
  deckKey: string,
): Record<string, unknown> {
  return { app: APP, v: VERSION, deck: deckKey, from, role, ...message };
}

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
