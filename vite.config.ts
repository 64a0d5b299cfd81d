import { defineConfig } from 'vite';
import { deckPlugins } from './src/node/vite/deck-plugins.js';

export default defineConfig({
  // Relative URLs, so the built deck works from any folder, a static host or the file system.
  base: './',
  plugins: [deckPlugins({ slides: process.env.DECK_SLIDES ?? 'slides' })],
  // DECK_DIST lets parallel checkouts or test runs build side by side.
  build: {
    outDir: process.env.DECK_DIST ?? 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
