// The deck's Vite configuration, as a function of the slides folder and the output folder, so that
// vite.config.ts (the CLI, the dev server) and the commands' in-process builds share one definition.
import type { UserConfig } from 'vite';
import { deckPlugins } from './deck-plugins.js';

export interface DeckConfigOptions {
  /** Folder of the talk's Markdown and deck.yaml, relative to the project root or absolute. */
  slides: string;
  /** Vite's output folder. */
  outDir: string;
}

/** The Vite configuration of a deck; vite.config.ts and buildDeck() use it. */
export function deckViteConfig({ slides, outDir }: DeckConfigOptions): UserConfig {
  return {
    // Relative URLs, so the built deck works from any folder, a static host or the file system.
    base: './',
    plugins: [deckPlugins({ slides })],
    build: { outDir, target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 1024 },
    server: { port: 5173 },
    preview: { port: 4173 },
  };
}
