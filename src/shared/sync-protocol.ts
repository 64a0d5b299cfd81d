// The messages that keep every view of one deck in step: audience windows, the presenter console
// and (through the relay of `npm run present -- --remote`) the presenter's phone. The browser and
// the Node relay check every message with the same parser, so a foreign or malformed message is
// dropped before anything acts on it, whichever way it travelled.

/** What every window shows: slide, build step, overview and blackout (reveal's "paused"). */
export interface SharedState {
  h: number;
  f: number;
  overview: boolean;
  paused: boolean;
}

/** Last-writer-wins order of changes (see src/client/sync/sync-register.ts). */
export interface Stamp {
  /** Milliseconds, never less than one more than any stamp this window has seen. */
  time: number;
  /** Id of the window that made the change; breaks ties. */
  by: string;
}

export type Role = 'audience' | 'presenter' | 'phone';
const ROLES: readonly string[] = ['audience', 'presenter', 'phone'] satisfies Role[];

/** A laser-pointer position on the current slide: 0..1 across and down the slide's 16:9 frame. */
export interface PointerAt {
  x: number;
  y: number;
}

/**
 * `hello`: "I just (re)loaded, tell me where we are"; `state`: the shared state after a change, or
 * the answer to a hello (then `to` names the window that asked); `bye`: the window is going away;
 * `pointer`: the laser pointer is at `at`, or gone (`at: null`). Pointer moves are not stamped:
 * they are momentary, and the last one received is the one shown.
 */
export type DeckMessage =
  | { type: 'hello'; from: string; role: Role }
  | { type: 'bye'; from: string; role: Role }
  | { type: 'state'; from: string; role: Role; state: SharedState; stamp: Stamp; to?: string }
  | { type: 'pointer'; from: string; role: Role; at: PointerAt | null };

/** A message before the channel adds the sender's id and role. */
export type OutgoingMessage = WithoutSender<DeckMessage>;
type WithoutSender<M> = M extends DeckMessage ? Omit<M, 'from' | 'role'> : never;

const APP = 'deck-sync';
const VERSION = 1;
const MAX_ID = 64;
const MAX_INDEX = 100_000;
/** A wire message is a few hundred bytes; anything much larger is not one of ours. */
export const MAX_MESSAGE_BYTES = 2048;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
const isIndex = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_INDEX;
const isFraction = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

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

function parsePointer(value: unknown): PointerAt | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || !isFraction(value.x) || !isFraction(value.y)) return undefined;
  return { x: value.x, y: value.y };
}

/** Checks a message from another window for deck `deckKey` before anything acts on it; null if it is not one. */
export function parseMessage(data: unknown, deckKey: string): DeckMessage | null {
  if (!isRecord(data) || data.app !== APP || data.v !== VERSION || data.deck !== deckKey) return null;
  const { type, from, role } = data;
  if (!isId(from) || typeof role !== 'string' || !ROLES.includes(role)) return null;
  const sender = { from, role: role as Role };
  if (type === 'hello' || type === 'bye') return { type, ...sender };
  if (type === 'pointer') {
    const at = parsePointer(data.at);
    return at === undefined ? null : { type, ...sender, at };
  }
  if (type !== 'state') return null;
  const state = parseState(data.state);
  const stamp = parseStamp(data.stamp);
  if (!state || !stamp) return null;
  if (data.to === undefined) return { type, ...sender, state, stamp };
  return isId(data.to) ? { type, ...sender, state, stamp, to: data.to } : null;
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
