// The Vite side of the deck: publishes `virtual:deck` (the built Deck) and
// `virtual:deck-font.css` (the subset Chinese font), fails the build on any problem in `slides/`,
// keeps the dev server serving while reporting it, and hot-updates slides without a reload.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { Deck, Diagnostic } from '../shared/deck.js';
import { UI_STRINGS } from '../deck/ui-strings.js';
import { formatDiagnostics } from './format-diagnostics.js';
import { ASSET_PREFIX, loadDeck, type LoadedDeck } from './load-deck.js';
import { plainText } from './render-markdown.js';
import { FONT_FAMILY, FONT_WEIGHTS, fontCharacters, missingGlyphs, subsetDeckFont } from './subset-font.js';

const DECK_ID = 'virtual:deck';
const FONT_ID = 'virtual:deck-font.css';
const resolved = (id: string) => `\0${id}`;

export interface DeckPluginOptions {
  /** Folder of the talk's Markdown and deck.yaml, relative to the Vite root. */
  slides?: string;
}

/** The deck plugins, in the order they run. */
export function deckPlugins(options: DeckPluginOptions = {}): Plugin[] {
  const state = new DeckState(options.slides ?? 'slides');
  return [deckModulePlugin(state), deckFontPlugin(state), classicScriptPlugin()];
}

/** The last built deck, shared by the plugins and rebuilt when a slide file changes. */
class DeckState {
  root = process.cwd();
  cacheDir = '';
  private loaded: LoadedDeck | null = null;
  constructor(private readonly slides: string) {}

  configure(config: ResolvedConfig) {
    this.root = config.root;
    this.cacheDir = join(config.cacheDir, 'deck-font');
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
  owns(file: string) {
    return file.startsWith(this.slidesDir + sep) || (this.loaded?.files.includes(file) ?? false);
  }
}

function deckModulePlugin(state: DeckState): Plugin {
  let command: ResolvedConfig['command'] = 'serve';
  let server: ViteDevServer | undefined;
  return {
    name: 'deck:module',
    configResolved(config) {
      state.configure(config);
      command = config.command;
    },
    configureServer(devServer) {
      server = devServer;
    },
    resolveId(id) {
      return id === DECK_ID ? resolved(DECK_ID) : undefined;
    },
    load(id) {
      if (id !== resolved(DECK_ID)) return undefined;
      const { deck, images, files } = state.get();
      for (const file of files) this.addWatchFile(file);
      const errors = deck.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        if (command === 'build') this.error(`the slides have ${errors.length} problem(s):\n${formatDiagnostics(errors)}`);
        server?.config.logger.error(formatDiagnostics(errors), { timestamp: true });
      }
      return deckModuleCode(deck, images, state.root);
    },
    handleHotUpdate({ file, server: devServer }) {
      if (!state.owns(file)) return undefined;
      state.invalidate();
      const modules = [resolved(DECK_ID), resolved(FONT_ID)]
        .map((id) => devServer.moduleGraph.getModuleById(id))
        .filter((m) => m !== undefined);
      for (const module of modules) devServer.moduleGraph.invalidateModule(module);
      return modules;
    },
    transformIndexHtml(html) {
      const { meta } = state.get().deck;
      return html
        .replace(/<html lang="[^"]*"/, `<html lang="${meta.lang}"`)
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(meta.title)} · ${escapeText(meta.author)}</title>`);
    },
  };
}

/** JS for `virtual:deck`: the deck as JSON, with image placeholders swapped for Vite's asset URLs. */
function deckModuleCode(deck: Deck, images: string[], root: string): string {
  const imports = images.map((path, i) => `import image${i} from ${JSON.stringify('/' + relative(root, path).split(sep).join('/'))};`);
  const urls = `[${images.map((_, i) => `image${i}`).join(', ')}]`;
  return [
    ...imports,
    `const images = ${urls};`,
    `const deck = JSON.parse(${JSON.stringify(JSON.stringify(deck))}, (key, value) =>`,
    `  typeof value === 'string' && value.includes(${JSON.stringify(ASSET_PREFIX)})`,
    `    ? value.replace(/${ASSET_PREFIX}(\\d+)/g, (_, n) => images[Number(n)]) : value);`,
    'export default deck;',
  ].join('\n');
}

function deckFontPlugin(state: DeckState): Plugin {
  let command: ResolvedConfig['command'] = 'serve';
  return {
    name: 'deck:font',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === FONT_ID ? resolved(FONT_ID) : undefined;
    },
    async load(id) {
      if (id !== resolved(FONT_ID)) return undefined;
      const { deck, files } = state.get();
      const characters = fontCharacters(deckText(deck));
      const missing = await missingGlyphs(characters);
      if (missing.length > 0) {
        const found = missing.map((c) => locate(c, files, state.root));
        const message = `the deck font has no glyph for ${missing.length} character(s):\n${formatDiagnostics(found)}`;
        if (command === 'build') this.error(message);
        this.warn(message);
      }
      const fonts = await subsetDeckFont(characters, state.cacheDir);
      return fonts
        .map(
          (font) =>
            `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${FONT_WEIGHTS[font.weight]}; font-style: normal; font-display: block;` +
            ` src: url(${JSON.stringify('/' + relative(state.root, font.path).split(sep).join('/'))}) format('woff2'); }`,
        )
        .join('\n');
    },
  };
}

/** All text the deck can show: slides, notes, metadata and the interface's own strings. */
function deckText(deck: Deck): string {
  const parts = [deck.meta.title, deck.meta.author, deck.meta.venue ?? '', ...Object.values(UI_STRINGS)];
  for (const slide of deck.slides) parts.push(plainText(slide.html), slide.notesText, slide.title, ariaLabels(slide.html));
  return parts.join('');
}

function ariaLabels(html: string): string {
  return [...html.matchAll(/(?:aria-label|alt)="([^"]*)"/g)].map((m) => m[1]).join('');
}

/** Where a character first appears in the slide files, for the missing-glyph message. */
function locate(char: string, files: string[], root: string): Diagnostic {
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const at = text.indexOf(char);
    if (at >= 0) {
      const line = text.slice(0, at).split('\n').length;
      const name = relative(root, file).split(sep).join('/');
      return { severity: 'error', code: 'glyph', file: name, line, message: `no glyph for ${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase()})` };
    }
  }
  return { severity: 'error', code: 'glyph', file: 'src/deck/ui-strings.ts', line: 1, message: `no glyph for ${JSON.stringify(char)}` };
}

/**
 * A built deck must open from the file system, where browsers refuse module scripts: ship one
 * classic, deferred script instead.
 */
function classicScriptPlugin(): Plugin {
  return {
    name: 'deck:classic-script',
    apply: 'build',
    config: () => ({ build: { modulePreload: false, cssCodeSplit: false, rolldownOptions: { output: { format: 'iife' } } } }),
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin/g, '<script defer').replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
