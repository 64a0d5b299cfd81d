// A tiny typed message bus between the audience window(s) and the presenter console of the same
// deck: BroadcastChannel, no server and no window.opener. Foreign or malformed messages are dropped.
export interface DeckPosition {
  h: number;
  f: number;
}

export type DeckMessage =
  | { type: 'position'; position: DeckPosition; from: 'audience' | 'presenter' }
  | { type: 'hello'; from: 'audience' | 'presenter' };

const CHANNEL_PREFIX = 'deck-sync:';

/** Checks a message from another window before anything acts on it. */
export function parseMessage(data: unknown): DeckMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.from !== 'audience' && m.from !== 'presenter') return null;
  if (m.type === 'hello') return { type: 'hello', from: m.from };
  if (m.type === 'position') {
    const p = m.position as Record<string, unknown> | null;
    if (!p || !Number.isInteger(p.h) || !Number.isInteger(p.f) || (p.h as number) < 0 || (p.f as number) < -1) return null;
    return { type: 'position', from: m.from, position: { h: p.h as number, f: p.f as number } };
  }
  return null;
}

export interface SyncChannel {
  send(message: DeckMessage): void;
  close(): void;
}

/** Opens the channel for the deck titled `deckKey`; `onMessage` only sees valid messages. */
export function openSyncChannel(deckKey: string, onMessage: (message: DeckMessage) => void): SyncChannel {
  if (typeof BroadcastChannel === 'undefined') return { send() {}, close() {} };
  const channel = new BroadcastChannel(CHANNEL_PREFIX + deckKey);
  channel.onmessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (message) onMessage(message);
  };
  return { send: (message) => channel.postMessage(message), close: () => channel.close() };
}
