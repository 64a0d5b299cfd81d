// `vite build` as a person runs it, on a deck folder, into a fresh temporary folder: shared by
// the build tests.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from '../fixtures/decks.js';

/** A whole Vite run; the first build of a new set of characters spends seconds cutting the font. */
export const BUILD_TIMEOUT = 180_000;

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together, as a terminal shows them. */
  output: string;
  dist: string;
}

/** Runs `npx vite build` on the deck in `slides` (relative to the project root) into a fresh temporary folder. */
export function viteBuild(slides: string): Promise<BuildResult> {
  const dist = mkdtempSync(join(tmpdir(), `deck-dist-${basename(slides)}-`));
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build'], {
      cwd: ROOT,
      env: { ...process.env, DECK_SLIDES: slides, DECK_DIST: dist, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, dist }));
  });
}
