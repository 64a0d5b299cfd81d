// What the phone remembers on the phone itself: its notes size and its talk clock. The clock
// carries over a reload or a reopened tab within minutes (the same talk), as the console's does;
// the laptop's clock cannot reach the phone, which may be another device.
import { parseClock, startClock, type ClockState } from '../presenter/presenter-clock.js';
import {
  local,
  readStored,
  REOPEN_WITHIN_MS,
  writeStored,
  type NotesSizes,
} from '../presenter/presenter-session.js';

/** A phone's notes, read at arm's length on a narrow screen. */
export const PHONE_NOTES_SIZES: NotesSizes = {
  key: 'deck-phone-notes-size',
  min: 14,
  max: 40,
  step: 3,
  initial: 20,
};

const CLOCK_KEY = 'deck-phone-clock:';

/** The phone's talk clock for `deckKey`: the saved one if saved less than REOPEN_WITHIN_MS before `now`, else a new one. */
export function loadPhoneClock(deckKey: string, now: number): ClockState {
  const saved = readStored(local, CLOCK_KEY + deckKey) as { clock?: unknown; savedAt?: unknown } | null;
  const clock = parseClock(saved?.clock);
  const savedAt = typeof saved?.savedAt === 'number' ? saved.savedAt : -Infinity;
  return clock && now >= savedAt && now - savedAt <= REOPEN_WITHIN_MS ? clock : startClock(now);
}

export function savePhoneClock(deckKey: string, clock: ClockState, now: number): void {
  writeStored(local, CLOCK_KEY + deckKey, { clock, savedAt: now });
}
