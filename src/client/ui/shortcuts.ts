// Every key of the deck and of the presenter console, in Chinese and English, in one table: the
// shortcuts overlay shows it and the console's keyboard handler reads its actions from it.
import { UI_STRINGS as T } from '../../shared/ui-strings.js';
import type { PresenterAction } from '../presenter/presenter-actions.js';

/** The console's actions that a key triggers (the others are buttons only). */
export type ConsoleKeyAction = Exclude<
  PresenterAction,
  'rehearsal' | 'downloadJson' | 'downloadCsv' | 'clearPlan' | 'help' | 'openAudience' | 'phoneRemote'
>;
export interface Shortcut {
  /** Keys as shown in the overlay. */
  keys: readonly string[];
  zh: string;
  en: string;
  /** Console only: `KeyboardEvent.key` (letters in lower case, `Shift+` prefixed when shift is needed) → action. */
  on?: Readonly<Record<string, ConsoleKeyAction>>;
}

const ARROWS_NEXT = [T.arrowRight, T.arrowDown];
const ARROWS_PREVIOUS = [T.arrowLeft, T.arrowUp];

/** The audience window's keys: reveal.js's own, plus S, G and ? from this deck. */
export const AUDIENCE_SHORTCUTS: readonly Shortcut[] = [
  { keys: [...ARROWS_NEXT, 'Space', 'N', 'PageDown'], zh: T.keyNext, en: 'Next step' },
  { keys: [...ARROWS_PREVIOUS, 'P', 'PageUp', 'Shift+Space'], zh: T.keyPrevious, en: 'Previous step' },
  { keys: [`Alt+${T.arrowLeft}`, `Alt+${T.arrowRight}`], zh: T.keySkipSteps, en: 'Skip build steps' },
  {
    keys: ['Home', 'End', `Shift+${T.arrowLeft}`, `Shift+${T.arrowRight}`],
    zh: T.keyFirstLast,
    en: 'First / last slide',
  },
  { keys: ['O', 'Esc'], zh: T.keyOverview, en: 'Slide overview' },
  { keys: ['B', '.', 'V'], zh: T.keyBlackout, en: 'Black screen / back' },
  { keys: ['F'], zh: T.keyFullscreen, en: 'Fullscreen' },
  { keys: ['G'], zh: T.keyJump, en: 'Jump to slide' },
  { keys: ['S'], zh: T.keyOpenPresenter, en: 'Open the presenter console' },
  { keys: ['?', 'F1'], zh: T.keyHelp, en: 'Show / hide these shortcuts' },
];

/** The presenter console's keys. */
export const CONSOLE_SHORTCUTS: readonly Shortcut[] = [
  {
    keys: [...ARROWS_NEXT, 'Space', 'N', 'PageDown'],
    zh: T.keyNext,
    en: 'Next step (moves the audience too)',
    on: { ArrowRight: 'next', ArrowDown: 'next', ' ': 'next', n: 'next', PageDown: 'next' },
  },
  {
    keys: [...ARROWS_PREVIOUS, 'P', 'PageUp', 'Shift+Space'],
    zh: T.keyPrevious,
    en: 'Previous step',
    on: {
      ArrowLeft: 'previous',
      ArrowUp: 'previous',
      p: 'previous',
      PageUp: 'previous',
      'Shift+ ': 'previous',
    },
  },
  { keys: ['Home', 'End'], zh: T.keyFirstLast, en: 'First / last slide', on: { Home: 'first', End: 'last' } },
  {
    keys: ['B', '.'],
    zh: T.keyBlackout,
    en: 'Black out the audience screen / back',
    on: { b: 'blackout', '.': 'blackout' },
  },
  { keys: ['O'], zh: T.keyOverview, en: 'Overview on the audience screen', on: { o: 'overview' } },
  { keys: ['F'], zh: T.keyFreeze, en: 'Freeze / unfreeze the audience screen', on: { f: 'freeze' } },
  {
    keys: ['A'],
    zh: T.keyBackToAudience,
    en: 'Back to the slide the audience sees',
    on: { a: 'backToAudience' },
  },
  { keys: ['T'], zh: T.keyTimer, en: 'Pause / resume the timer (Q&A)', on: { t: 'timer' } },
  { keys: ['Shift+R'], zh: T.keyResetTimer, en: 'Reset the timer', on: { 'Shift+r': 'resetTimer' } },
  {
    keys: ['+', '-'],
    zh: T.keyNotesSize,
    en: 'Larger / smaller notes',
    on: { '+': 'notesLarger', '=': 'notesLarger', '-': 'notesSmaller', _: 'notesSmaller' },
  },
  { keys: ['Esc'], zh: T.keyEscape, en: 'Close a dialog, or leave the overview', on: { Escape: 'escape' } },
  { keys: ['?', 'F1'], zh: T.keyHelp, en: 'Show / hide these shortcuts' },
];

/** The console action for a key press, or null (modifier chords other than Shift are left to the browser). */
export function consoleAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): ConsoleKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const names = event.shiftKey ? [`Shift+${key}`, key] : [key];
  for (const name of names) {
    for (const shortcut of CONSOLE_SHORTCUTS) {
      const action = shortcut.on?.[name];
      if (action) return action;
    }
  }
  return null;
}
