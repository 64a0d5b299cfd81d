// The Vite side of the deck: publishes `virtual:deck` (the built Deck), `virtual:deck-font.css`
// (the subset Chinese font) and `virtual:deck-math.css` (KaTeX's CSS cut to the faces the
// formulas use), fails the build on any problem in `slides/`,
// keeps the dev server serving while reporting it, and hot-updates slides without a reload.
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { Deck, Diagnostic, Slide } from '../shared/deck.js';
import { UI_STRINGS } from '../deck/ui-strings.js';
import { formatDiagnostics } from './format-diagnostics.js';
import { ASSET_PREFIX, loadDeck, type LoadedDeck } from './load-deck.js';
import { mathCss } from './katex-css.js';
import { plainText } from './render-markdown.js';
import {
  boldText,
  FONT_FAMILY,
  FONT_WEIGHTS,
  fontCharacters,
  missingGlyphs,
  remainingCharacters,
  subsetDeckFont,
  unicodeRange,
  type FontPlan,
  type SubsetFont,
} from './subset-font.js';

const DECK_ID = 'virtual:deck';
const FONT_ID = 'virtual:deck-font.css';
const MATH_ID = 'virtual:deck-math.css';
/**
 * Slides laid out when the deck opens on its title: reveal.js displays the slides closer than
 * `viewDistance` (3, set in src/deck/reveal-deck.ts), so the title and the two after it. Their
 * glyphs come first; keep the two numbers in step.
 */
const FIRST_VIEW_SLIDES = 3;
const resolved = (id: string) => `\0${id}`;

export interface DeckPluginOptions {
  /** Folder of the talk's Markdown and deck.yaml, relative to the Vite root. */
  slides?: string;
}

/** The deck plugins, in the order they run. */
export function deckPlugins(options: DeckPluginOptions = {}): Plugin[] {
  const state = new DeckState(options.slides ?? 'slides');
  return [deckModulePlugin(state), deckFontPlugin(state), deckMathCssPlugin(state), classicScriptPlugin()];
}

/** The last built deck, shared by the plugins and rebuilt when a slide file changes. */
class DeckState {
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
      // The slides may live outside the root or in a folder Vite ignores by default.
      devServer.watcher.add(state.slidesDir);
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
      const modules = [resolved(DECK_ID), resolved(FONT_ID), resolved(MATH_ID)]
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
  let config: ResolvedConfig | undefined;
  let fonts: SubsetFont[] = [];
  let preloadScript: string | undefined;
  return {
    name: 'deck:font',
    configResolved(resolvedConfig) {
      config = resolvedConfig;
    },
    resolveId(id) {
      return id === FONT_ID ? resolved(FONT_ID) : undefined;
    },
    async load(id) {
      if (id !== resolved(FONT_ID)) return undefined;
      const { deck, files } = state.get();
      const characters = fontCharacters(deckText(deck));
      const missing = await missingGlyphs(characters, state.cacheDir);
      if (missing.length > 0) {
        const found = missing.map((c) => locate(c, files, state.root));
        const message = `the deck font has no glyph for ${missing.length} character(s):\n${formatDiagnostics(found)}`;
        if (config?.command === 'build') this.error(message);
        this.warn(message);
      }
      fonts = await subsetDeckFont(fontPlan(deck, characters), state.cacheDir);
      return fonts.map((font) => fontFaceRule(font, state.root)).join('\n');
    },
    // Preload the opening slides' glyphs, so they download alongside the CSS and JS instead of
    // after the script has run and laid out the first slide. A <link rel=preload> in the HTML
    // cannot do it: fonts load in CORS mode, which fails (with a console error) for file:// pages.
    // A tiny async script adds the links when the deck is served over http(s).
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        preloadScript = undefined;
        if (!config || config.command !== 'build') return;
        const hrefs = fonts
          .filter((font) => font.part === 'first')
          .map((font) => Object.values(bundle).find((file) => file.type === 'asset' && file.names.includes(basename(font.path))))
          .filter((asset) => asset !== undefined)
          .map((asset) => publicHref(config!, asset.fileName));
        if (hrefs.length === 0) return;
        const reference = this.emitFile({ type: 'asset', name: 'deck-font-preload.js', source: preloadScriptSource(hrefs) });
        preloadScript = this.getFileName(reference);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!preloadScript || !config) return undefined;
        return [{ tag: 'script', attrs: { async: true, src: publicHref(config, preloadScript) }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The script that preloads the first-view fonts (CORS mode, as fonts are fetched). Skipped on
 * file://, where CORS fetches fail, and in the print and handout views, where Chromium refetches
 * a revalidated preload while printing and can drop the font from the PDF.
 */
function preloadScriptSource(hrefs: string[]): string {
  return (
    `if (location.protocol !== 'file:' && !/[?&](view=|print-pdf)/.test(location.search)) for (const href of ${JSON.stringify(hrefs)}) {\n` +
    `  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: 'anonymous', href });\n` +
    `  document.head.append(link);\n}\n`
  );
}

/** The URL index.html uses for a file of the build. */
function publicHref(config: ResolvedConfig, fileName: string): string {
  return config.base === './' || config.base === '' ? `./${fileName}` : `${config.base}${fileName}`;
}

/** One @font-face for one subset file; `unicode-range` makes the browser fetch it only for its characters. */
function fontFaceRule(font: SubsetFont, root: string): string {
  const url = '/' + relative(root, font.path).split(sep).join('/');
  return (
    `@font-face { font-family: '${FONT_FAMILY}'; font-weight: ${FONT_WEIGHTS[font.weight]}; font-style: normal; font-display: block;` +
    ` src: url(${JSON.stringify(url)}) format('woff2'); unicode-range: ${unicodeRange(font.characters)}; }`
  );
}

/**
 * Which characters go in which file. `first`: what the slides laid out on opening show (regular:
 * all their text, since a heading's characters also appear in regular elsewhere, e.g. the
 * announcer; bold: their bold text). `rest`: every other character the deck can show in that weight.
 */
function fontPlan(deck: Deck, characters: string): FontPlan {
  const opening = deck.slides.slice(0, FIRST_VIEW_SLIDES);
  const firstRegular = fontCharacters(opening.map(slideText).join(''));
  // The interface's strings and the deck's metadata too: the presenter console, overlays and
  // handout set some of them bold, and they are a few dozen characters.
  const meta = [deck.meta.title, deck.meta.author, deck.meta.venue ?? ''];
  const bold = [...Object.values(UI_STRINGS), ...meta, ...deck.slides.flatMap((s) => [boldText(s.html), boldText(s.notesHtml), s.title])].join('');
  const allBold = fontCharacters(bold);
  const firstBold = fontCharacters(opening.map((s) => boldText(s.html)).join(''));
  return {
    regular: { first: firstRegular, rest: remainingCharacters(characters, firstRegular) },
    bold: { first: firstBold, rest: remainingCharacters(allBold, firstBold) },
  };
}

/** CSS for the formulas: KaTeX's rules and the faces they use, or nothing when the deck has no math. */
function deckMathCssPlugin(state: DeckState): Plugin {
  return {
    name: 'deck:math-css',
    resolveId(id) {
      return id === MATH_ID ? resolved(MATH_ID) : undefined;
    },
    load(id) {
      if (id !== resolved(MATH_ID)) return undefined;
      return mathCss(state.get().deck.slides.map((slide) => slide.html), state.root);
    },
  };
}

/** All text the deck can show: slides, notes, metadata and the interface's own strings. */
function deckText(deck: Deck): string {
  const parts = [deck.meta.title, deck.meta.author, deck.meta.venue ?? '', ...Object.values(UI_STRINGS)];
  for (const slide of deck.slides) parts.push(slideText(slide), slide.notesText);
  return parts.join('');
}

/** The text a slide shows or labels itself with (its notes excluded). */
function slideText(slide: Slide): string {
  return plainText(slide.html) + slide.title + ariaLabels(slide.html);
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
