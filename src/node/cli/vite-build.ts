// Builds a deck with Vite for the commands and tests: in this process through Vite's build() API
// (export, tests), or as a fresh `vite build` process when the build itself is being timed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project-path.js';

export interface DeckBuildOptions {
  /** Folder of the deck's Markdown and deck.yaml. */
  slides: string;
  /** Vite's output folder. */
  dist: string;
}

export interface TimedBuildOptions {
  /** The Vite project to build; this one by default (the benchmark also builds a plain reveal.js one). */
  root?: string;
  /** Vite's output folder, emptied first. */
  dist: string;
  /** This project only: the slides folder (default: $DECK_SLIDES, else slides/). */
  slides?: string;
  /** This project only: where the subset fonts are cached (default: in Vite's cache folder). */
  fontCache?: string;
}

/** The deck did not build: a slide problem, or Vite's own error. */
export class BuildError extends Error {
  override name = 'BuildError';
}

/** Builds the deck in `slides` into `dist` with Vite's build() API; the export and the PDF tests run it. */
export async function buildDeck({ slides, dist }: DeckBuildOptions): Promise<void> {
  // Imported here, not above: Vite and the Markdown pipeline take a second to load, and `npm run
  // export` of an up-to-date deck, which imports this module, never builds.
  const [{ build }, { deckViteConfig }] = await Promise.all([
    import('vite'),
    import('../vite/deck-config.js'),
  ]);
  try {
    await build({
      ...deckViteConfig({ slides: resolve(slides), outDir: resolve(dist) }),
      root: PROJECT_ROOT,
      // The configuration comes from deckViteConfig, not from reading vite.config.ts (and its environment).
      configFile: false,
      // Silent: every problem arrives in the error thrown, said once below.
      logLevel: 'silent',
    });
  } catch (error) {
    throw new BuildError(`the deck did not build:\n${buildProblems(error)}`);
  }
}

/** What a failed build() reports: Rolldown lists each plugin error (a slide's file:line) without its stack. */
function buildProblems(error: unknown): string {
  const { errors } = error as { errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0)
    return (errors as unknown[]).map((e) => (e instanceof Error ? e.message : String(e))).join('\n');
  return error instanceof Error ? error.message : String(error);
}

/** Builds the deck into `dist` when it is missing or older than any of its sources; `npm run export` runs it first. */
export async function ensureBuilt(
  { slides, dist }: DeckBuildOptions,
  progress: (message: string) => void,
): Promise<void> {
  const index = join(dist, 'index.html');
  const sources = [
    slides,
    ...['src', 'assets', 'index.html', 'vite.config.ts'].map((name) => join(PROJECT_ROOT, name)),
  ];
  if (existsSync(index) && newestChange(sources) <= statSync(index).mtimeMs) return;
  progress(
    existsSync(index) ? 'sources changed since the last build: building the deck' : 'building the deck',
  );
  await buildDeck({ slides, dist });
}

function newestChange(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory())
      newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
  }
  return newest;
}

/** Runs `vite build` as a new process and returns its wall time in ms; the benchmark times builds this way. */
export function timedViteBuild({ root = PROJECT_ROOT, dist, slides, fontCache }: TimedBuildOptions): number {
  // A new process, as `npm run build` is: Node and Vite start cold, so the time is what a person waits.
  // --emptyOutDir: the output folders live outside the project, where Vite would otherwise keep old files.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const env = {
    ...process.env,
    ...(slides ? { DECK_SLIDES: resolve(slides) } : {}),
    ...(fontCache ? { DECK_FONT_CACHE: fontCache } : {}),
  };
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--logLevel', 'error', '--outDir', resolve(dist), '--emptyOutDir'],
    { cwd: root, env, encoding: 'utf8' },
  );
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new BuildError(`vite build failed in ${root}:\n${result.stderr || result.stdout}`);
  return ms;
}
