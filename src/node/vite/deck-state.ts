// The deck as last built from `slides/`, shared by the Vite plugins and rebuilt when a slide changes.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { ResolvedConfig } from 'vite';
import { DECK_META_FILE, loadDeck, type LoadedDeck } from '../markdown/load-deck.js';

/** The last built deck, shared by the plugins and rebuilt when a slide file changes. */
export class DeckState {
  root = process.cwd();
  cacheDir = '';
  private loaded: LoadedDeck | null = null;
  /** The slides folder as it was when `loaded` was read (see fingerprint). */
  private loadedFrom = '';
  /** Results worked out from the loaded deck (e.g. the glyph check), dropped with it. */
  private derived = new Map<string, unknown>();
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
    if (!this.loaded) {
      // Taken before reading: a file that changes while the deck is read makes the deck stale.
      this.loadedFrom = this.fingerprint();
      this.loaded = loadDeck(this.slidesDir, this.root);
    }
    return this.loaded;
  }
  /** True when the deck was read from slide files that have changed since (added, deleted or edited). */
  isStale(): boolean {
    return this.loaded !== null && this.fingerprint() !== this.loadedFrom;
  }
  /** `compute(deck)`, once per loaded deck: the plugins that need the same result share it. */
  memo<T>(key: string, compute: (loaded: LoadedDeck) => T): T {
    const loaded = this.get();
    if (!this.derived.has(key)) this.derived.set(key, compute(loaded));
    return this.derived.get(key) as T;
  }
  invalidate() {
    this.loaded = null;
    this.derived.clear();
  }
  /**
   * True for a file the deck is read from, or any file in the slides folder (a new slide, a
   * deleted one, a missing picture added), except hidden ones such as an editor's swap files.
   */
  owns(file: string) {
    if (this.loaded?.files.includes(file)) return true;
    return file.startsWith(this.slidesDir + sep) && !basename(file).startsWith('.');
  }
  /** The names, sizes and times of the slides folder's `.md` files and deck.yaml. */
  private fingerprint(): string {
    try {
      const names = readdirSync(this.slidesDir)
        .filter((name) => (name.endsWith('.md') && !name.startsWith('.')) || name === DECK_META_FILE)
        .sort();
      return names
        .map((name) => {
          const stat = statSync(join(this.slidesDir, name), { throwIfNoEntry: false });
          return `${name} ${stat?.size}:${stat?.mtimeMs}`;
        })
        .join('\n');
    } catch {
      return 'unreadable';
    }
  }
}
