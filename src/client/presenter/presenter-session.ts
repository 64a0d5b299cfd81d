// What the presenter console keeps across a reload: its position, freeze, the talk clock and a
// rehearsal in progress (sessionStorage: this tab). The clock and rehearsal are also kept in
// localStorage, so a console closed by mistake and reopened within minutes keeps counting. The
// notes' size and a loaded pacing plan are kept in localStorage too. Bad data read back is ignored.
import { clampPosition, type Position } from '../sync/deck-position.js';
import { parseClock, type ClockState } from './presenter-clock.js';
import { parseRecording, type Recording } from './rehearsal.js';

export interface ConsoleSession {
  view: Position;
  frozen: boolean;
  clock: ClockState;
  /** Talk time when the audience's current slide began. */
  slideSince: number;
  rehearsal: { recording: Recording; active: boolean } | null;
}

const SESSION_KEY = 'deck-presenter:';
const PLAN_KEY = 'deck-plan:';
const NOTES_SIZE_KEY = 'deck-presenter-notes-size';

/** The JSON stored under `key`, or null when there is none, it is not JSON or storage is blocked. */
export function readStored(storage: () => Storage, key: string): unknown {
  try {
    const text = storage().getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** Stores `value` as JSON under `key` (null removes it); blocked storage just forgets. */
export function writeStored(storage: () => Storage, key: string, value: unknown): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, JSON.stringify(value));
  } catch {
    // storage blocked (private mode, file system): the console still works, it just forgets
  }
}

const session = () => window.sessionStorage;
export const local = () => window.localStorage;

/** A console closed this recently is the same talk: its clock and rehearsal carry over to a new one. */
export const REOPEN_WITHIN_MS = 10 * 60_000;

function parseSession(data: unknown, steps: readonly number[]): ConsoleSession | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const view = d.view as Record<string, unknown> | null;
  const clock = parseClock(d.clock);
  if (
    !view ||
    !Number.isInteger(view.h) ||
    !Number.isInteger(view.f) ||
    !clock ||
    !Number.isFinite(d.slideSince)
  )
    return null;
  const rehearsal = d.rehearsal as Record<string, unknown> | null;
  const recording = rehearsal ? parseRecording(rehearsal.recording, steps.length) : null;
  return {
    view: clampPosition(steps, { h: view.h as number, f: view.f as number }),
    frozen: d.frozen === true,
    clock,
    slideSince: d.slideSince as number,
    rehearsal: recording ? { recording, active: rehearsal?.active === true } : null,
  };
}

/**
 * The console's saved session for `deckKey` (slides with `steps` build steps): this tab's, else
 * the clock and rehearsal of a console of this deck closed less than REOPEN_WITHIN_MS before `now`.
 */
export function loadSession(deckKey: string, steps: readonly number[], now: number): ConsoleSession | null {
  const own = parseSession(readStored(session, SESSION_KEY + deckKey), steps);
  if (own) return own;
  const last = readStored(local, SESSION_KEY + deckKey) as { savedAt?: unknown } | null;
  const savedAt = typeof last?.savedAt === 'number' ? last.savedAt : -Infinity;
  const recent = parseSession(last, steps);
  if (!recent || now - savedAt > REOPEN_WITHIN_MS || now < savedAt) return null;
  // Where to look and whether to freeze belong to the closed window; the new one follows the audience.
  return { ...recent, view: { h: 0, f: -1 }, frozen: false };
}

export function saveSession(deckKey: string, state: ConsoleSession, now: number): void {
  writeStored(session, SESSION_KEY + deckKey, state);
  writeStored(local, SESSION_KEY + deckKey, { ...state, savedAt: now });
}

/** A pacing plan loaded from a rehearsal report: seconds per slide, or null. */
export function loadPlanSeconds(deckKey: string, count: number): number[] | null {
  const data = readStored(local, PLAN_KEY + deckKey);
  const seconds =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).seconds : null;
  return Array.isArray(seconds) &&
    seconds.length === count &&
    seconds.every((s) => Number.isFinite(s) && s >= 0)
    ? (seconds as number[])
    : null;
}

export function savePlanSeconds(deckKey: string, seconds: number[] | null): void {
  writeStored(local, PLAN_KEY + deckKey, seconds && { seconds });
}

/** A scale of notes sizes in CSS px, remembered under `key`. */
export interface NotesSizes {
  key: string;
  min: number;
  max: number;
  step: number;
  initial: number;
}

/** The console's notes (a laptop screen); the phone has its own scale. */
export const NOTES_SIZES: NotesSizes = { key: NOTES_SIZE_KEY, min: 16, max: 72, step: 4, initial: 30 };

export function loadNotesSize(sizes: NotesSizes = NOTES_SIZES): number {
  const size = readStored(local, sizes.key);
  return typeof size === 'number' && size >= sizes.min && size <= sizes.max ? size : sizes.initial;
}

export function saveNotesSize(size: number, sizes: NotesSizes = NOTES_SIZES): void {
  writeStored(local, sizes.key, size);
}

/** One step larger (`direction` 1) or smaller (-1), within the scale. */
export function stepNotesSize(size: number, direction: 1 | -1, sizes: NotesSizes = NOTES_SIZES): number {
  return Math.min(Math.max(size + direction * sizes.step, sizes.min), sizes.max);
}
