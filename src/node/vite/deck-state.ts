// The deck as last built from `slides/`, shared by the Vite plugins and rebuilt when a slide changes.
import { basename, join, resolve, sep } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { loadDeck, type LoadedDeck } from '../markdown/load-deck.js';

/** The last built deck, shared by the plugins and rebuilt when a slide file changes. */
export class DeckState {
  root = process.cwd();
  cacheDir = '';
  private loaded: LoadedDeck | null = null;
  constructor(private readonly slides: string) {}

  configure(config: ResolvedConfig) {
    this.root = config.root;
    // DECK_FONT_CACHE lets the benchmark time a build that subsets from scratch.
    this.cacheDir = process.env.DECK_FONT_CACHE ?? join(config.cacheDir, 'deck-font');
  }
  get slidesDir() {
    return resolve(this.root, this.slides);
  }
  get(): LoadedDeck {
    this.loaded ??= loadDeck(this.slidesDir, this.root);
    return this.loaded;
  }
  invalidate() {
    this.loaded = null;
  }
  /**
   * True for a file the deck is read from, or any file in the slides folder (a new slide, a
   * deleted one, a missing picture added), except hidden ones such as an editor's swap files.
   */
  owns(file: string) {
    if (this.loaded?.files.includes(file)) return true;
    return file.startsWith(this.slidesDir + sep) && !basename(file).startsWith('.');
  }
}
