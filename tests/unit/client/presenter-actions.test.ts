import { describe, expect, test } from 'vitest';
import { parsePresenterAction } from '../../../src/client/presenter/presenter-actions.js';
import { CONSOLE_SHORTCUTS } from '../../../src/client/ui/shortcuts.js';

describe('parsePresenterAction', () => {
  test('accepts the names the console buttons carry', () => {
    expect(parsePresenterAction('next')).toBe('next');
    expect(parsePresenterAction('downloadCsv')).toBe('downloadCsv');
    expect(parsePresenterAction('openAudience')).toBe('openAudience');
  });

  test('refuses a misspelt, empty or missing name', () => {
    expect(parsePresenterAction('nxet')).toBeNull();
    expect(parsePresenterAction('Next')).toBeNull();
    expect(parsePresenterAction('')).toBeNull();
    expect(parsePresenterAction(undefined)).toBeNull();
    expect(parsePresenterAction('constructor')).toBeNull();
  });

  test('every console key names an action the console knows', () => {
    const keyed = CONSOLE_SHORTCUTS.flatMap((s) => Object.values(s.on ?? {}));
    expect(keyed.length).toBe(24);
    for (const action of keyed) expect(parsePresenterAction(action)).toBe(action);
  });
});
