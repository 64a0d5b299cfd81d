// Only the fast parts: cutting the font itself is covered by the build.
import { describe, expect, test } from 'vitest';
import { fontCharacters, missingGlyphs } from '../../../src/node/font/subset-font.js';

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('fontCharacters', () => {
  test('always keeps printable ASCII, even for no text', () => {
    expect([...fontCharacters('')]).toEqual(PRINTABLE_ASCII);
  });

  test('adds the text characters once each, sorted, without tabs or newlines', () => {
    const characters = fontCharacters('大模型\n模型\t大　模');
    expect(characters).toHaveLength(95 + 3);
    expect([...characters].sort().join('')).toBe(characters);
    for (const c of '大模型') expect(characters.split(c)).toHaveLength(2);
    expect(characters).not.toMatch(/[\t\n\u3000]/);
  });

  test('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect([...fontCharacters('𠀀')]).toContain('𠀀');
  });
});

describe('missingGlyphs', () => {
  test('is empty for Chinese the font covers', async () => {
    expect(await missingGlyphs('大模型发展机会与挑战「」，。')).toEqual([]);
  });

  test('lists a private-use character the font cannot draw', async () => {
    expect(await missingGlyphs('\uE000')).toEqual(['\uE000']);
    expect(await missingGlyphs('大\uE000模')).toEqual(['\uE000']);
  });
});
