import { defineConfig } from 'vite';
import { deckViteConfig } from './src/node/vite/deck-config.js';

// DECK_SLIDES and DECK_DIST let tests, the benchmark and parallel checkouts build other decks or
// build side by side.
export default defineConfig(
  deckViteConfig({ slides: process.env.DECK_SLIDES ?? 'slides', outDir: process.env.DECK_DIST ?? 'dist' }),
);
