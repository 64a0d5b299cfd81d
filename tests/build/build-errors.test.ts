// `vite build` as a person runs it: a deck with a problem must fail the build and say where.
// Builds run one after another (tests in a file are sequential): each is a whole Vite run, and
// the first build of a new set of characters spends seconds cutting the font.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROKEN_DECKS, deckFolder } from '../fixtures/decks.js';
import { BUILD_TIMEOUT, viteBuild } from './vite-build.js';

describe('vite build', () => {
  test.each(BROKEN_DECKS)(
    'fails on the $name fixture and names the file, line and problem',
    async ({ name, problems, neverPrinted }) => {
      const { code, output, dist } = await viteBuild(deckFolder(name));
      try {
        expect(code, output).not.toBe(0);
        for (const p of problems) {
          expect(output).toContain(`${deckFolder(name)}/${p.file}:${p.line}: error: `);
          expect(output).toContain(p.message);
        }
        for (const text of neverPrinted ?? []) expect(output).not.toContain(text);
        expect(existsSync(join(dist, 'index.html'))).toBe(false);
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );

  test(
    'fails on a slides folder that does not exist, naming it and what to do',
    async () => {
      const { code, output, dist } = await viteBuild(deckFolder('does-not-exist'));
      try {
        expect(code, output).not.toBe(0);
        expect(output).toContain(
          `${deckFolder('does-not-exist')}:1: error: the slides folder does not exist: create it`,
        );
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );

  test(
    'succeeds on the talk itself (the failures above are the problems, not the build)',
    async () => {
      const { code, output, dist } = await viteBuild('slides');
      try {
        expect(code, output).toBe(0);
        expect(existsSync(join(dist, 'index.html'))).toBe(true);
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );

  // KaTeX puts a zero-width space (U+200B) in every fraction and limit: the font check must not
  // ask the font for a glyph it never draws.
  test(
    'succeeds on the basic fixture, whose formula has a fraction',
    async () => {
      const { code, output, dist } = await viteBuild(deckFolder('basic'));
      try {
        expect(code, output).toBe(0);
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT,
  );
});
