// Everything the presenter console can do, as one typed list: its keys (ui/shortcuts.ts) and its
// buttons (presenter-view.ts) name these, so a misspelt action fails the typecheck.

export const PRESENTER_ACTIONS = [
  'next',
  'previous',
  'first',
  'last',
  'blackout',
  'overview',
  'escape',
  'freeze',
  'backToAudience',
  'timer',
  'resetTimer',
  'rehearsal',
  'downloadJson',
  'downloadCsv',
  'clearPlan',
  'notesLarger',
  'notesSmaller',
  'help',
  'openAudience',
  'phoneRemote',
] as const;

export type PresenterAction = (typeof PRESENTER_ACTIONS)[number];

/** Reads an action name from the DOM (a button's `data-action`); anything else is null. */
export function parsePresenterAction(name: string | undefined): PresenterAction | null {
  return (PRESENTER_ACTIONS as readonly string[]).includes(name ?? '') ? (name as PresenterAction) : null;
}
