import { describe, expect, test } from 'vitest';
import {
  AUDIENCE_SHORTCUTS,
  CONSOLE_SHORTCUTS,
  consoleAction,
  type ConsoleKeyAction,
} from '../../../src/client/ui/shortcuts.js';
import { UI_STRINGS } from '../../../src/shared/ui-strings.js';

const press = (
  key: string,
  mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => consoleAction({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('console keys', () => {
  test.each<[string, ConsoleKeyAction | null, object?]>([
    ['ArrowRight', 'next'],
    [' ', 'next'],
    [' ', 'previous', { shiftKey: true }],
    ['N', 'next', { shiftKey: true }],
    ['PageUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['b', 'blackout'],
    ['.', 'blackout'],
    ['o', 'overview'],
    ['f', 'freeze'],
    ['a', 'backToAudience'],
    ['t', 'timer'],
    ['R', 'resetTimer', { shiftKey: true }],
    ['r', null],
    ['+', 'notesLarger', { shiftKey: true }],
    ['-', 'notesSmaller'],
    ['Escape', 'escape'],
    ['ArrowRight', null, { ctrlKey: true }],
    ['f', null, { metaKey: true }],
  ])('%j → %s', (key, action, mods) => {
    expect(press(key, mods)).toBe(action);
  });

  test('every console action has a key in the table', () => {
    const actions = new Set(CONSOLE_SHORTCUTS.flatMap((s) => Object.values(s.on ?? {})));
    expect([...actions].sort()).toEqual(
      [
        'backToAudience',
        'blackout',
        'escape',
        'first',
        'freeze',
        'last',
        'next',
        'notesLarger',
        'notesSmaller',
        'overview',
        'previous',
        'resetTimer',
        'timer',
      ].sort(),
    );
  });

  test('every row is bilingual, its Chinese taken from UI_STRINGS (the font subset carries exactly those)', () => {
    const strings = new Set<string>(Object.values(UI_STRINGS));
    for (const row of [...AUDIENCE_SHORTCUTS, ...CONSOLE_SHORTCUTS]) {
      expect(strings.has(row.zh), row.zh).toBe(true);
      expect(row.en).toMatch(/^[\x20-\x7e]+$/);
      for (const key of row.keys)
        expect(
          [...key].every((c) => c <= '\x7e' || [...Object.values(UI_STRINGS)].join('').includes(c)),
          key,
        ).toBe(true);
    }
  });
});
