// The deck's Vite plugins, composed: `virtual:deck` (the built Deck) is served here; the font,
// math CSS, prerender, classic-script, first-view and security-policy plugins live in their own modules. The build fails
// on any problem in `slides/`; the dev server keeps serving while reporting it, and hot-updates
// slides without a reload when a slide file is saved, added, deleted or renamed.
import type {
  EnvironmentModuleGraph,
  EnvironmentModuleNode,
  Plugin,
  ResolvedConfig,
  ViteDevServer,
} from 'vite';
import type { Deck } from '../../shared/deck.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { classicScriptPlugin } from './classic-script-plugin.js';
import { contentSecurityPolicyPlugin } from './content-security.js';
import { FONT_ID, deckFontPlugin, glyphProblems, withGlyphProblems } from './deck-font-plugin.js';
import { DeckState } from './deck-state.js';
import { firstViewPlugin } from './first-view-plugin.js';
import { prerenderPlugin } from './prerender-plugin.js';
import { formatDiagnostics } from '../markdown/format-diagnostics.js';
import { mathCss } from '../font/katex-css.js';
import { ASSET_PREFIX } from '../markdown/load-deck.js';
import { projectPath } from '../project-path.js';

const DECK_ID = 'virtual:deck';
const MATH_ID = 'virtual:deck-math.css';
const resolved = (id: string) => `\0${id}`;
/** How often the dev server looks at the slides folder for changes its watcher missed. */
const STALE_CHECK_MS = 1000;

export interface DeckPluginOptions {
  /** Folder of the talk's Markdown and deck.yaml, relative to the Vite root. */
  slides?: string;
}

/** The deck plugins, in the order they run. */
export function deckPlugins(options: DeckPluginOptions = {}): Plugin[] {
  const state = new DeckState(options.slides ?? 'slides');
  return [
    deckModulePlugin(state),
    deckFontPlugin(state),
    deckMathCssPlugin(state),
    prerenderPlugin(state),
    classicScriptPlugin(),
    firstViewPlugin(state),
    contentSecurityPolicyPlugin(),
  ];
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
      // The watcher can miss an event: a file re-created soon after it was deleted, or the write
      // that follows an empty save (its change event falls in the watcher's 50 ms throttle and is
      // dropped, and the deck stays as read from the empty file). A look at the folder every
      // second catches what it missed and sends the same update a watcher event would.
      const timer = setInterval(() => {
        if (!state.isStale()) return;
        state.invalidate();
        const client = devServer.environments.client;
        for (const module of deckModules(client.moduleGraph)) void client.reloadModule(module);
      }, STALE_CHECK_MS);
      timer.unref();
      devServer.httpServer?.once('close', () => clearInterval(timer));
    },
    resolveId(id) {
      return id === DECK_ID ? resolved(DECK_ID) : undefined;
    },
    async load(id) {
      if (id !== resolved(DECK_ID)) return undefined;
      const loaded = state.get();
      for (const file of loaded.files) this.addWatchFile(file);
      // A character the font cannot draw is one more problem to show (a build stops in the font plugin).
      const deck =
        command === 'serve' ? withGlyphProblems(loaded.deck, await glyphProblems(state)) : loaded.deck;
      const errors = deck.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        if (command === 'build')
          this.error(`the slides have ${errors.length} problem(s):\n${formatDiagnostics(errors)}`);
        server?.config.logger.error(formatDiagnostics(errors), { timestamp: true });
      }
      return deckModuleCode(deck, loaded.images, state.root);
    },
    // Called for a saved file ('update') and, unlike handleHotUpdate, for a new or deleted one
    // ('create', 'delete'; a rename is both): the deck is rebuilt and sent as one update of its
    // modules, which main.ts accepts in place, so the page keeps its slide.
    async hotUpdate({ file, type, read }) {
      if (this.environment.name !== 'client' || !state.owns(file)) return undefined;
      // As Vite does for its own modules: an editor may empty a file before writing it; wait for the text.
      if (type !== 'delete') await Promise.resolve(read()).catch(() => '');
      state.invalidate();
      return deckModules(this.environment.moduleGraph);
    },
    transformIndexHtml(html) {
      const { meta } = state.get().deck;
      return (
        html
          // Escaped as well as validated (deck-meta.ts): a value from deck.yaml never writes markup.
          .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(meta.lang)}"`)
          .replace(
            /<title>[^<]*<\/title>/,
            () => `<title>${escapeHtml(meta.title)} · ${escapeHtml(meta.author)}</title>`,
          )
      );
    },
  };
}

/** The modules built from the slide files, those of them the page has loaded. */
function deckModules(graph: EnvironmentModuleGraph): EnvironmentModuleNode[] {
  return [DECK_ID, FONT_ID, MATH_ID]
    .map((id) => graph.getModuleById(resolved(id)))
    .filter((module) => module !== undefined);
}

/** JS for `virtual:deck`: the deck as JSON, with image placeholders swapped for Vite's asset URLs. */
function deckModuleCode(deck: Deck, images: string[], root: string): string {
  const imports = images.map(
    (path, i) => `import image${i} from ${JSON.stringify('/' + projectPath(root, path))};`,
  );
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

/** CSS for the formulas: KaTeX's rules and the faces they use, or nothing when the deck has no math. */
function deckMathCssPlugin(state: DeckState): Plugin {
  return {
    name: 'deck:math-css',
    resolveId(id) {
      return id === MATH_ID ? resolved(MATH_ID) : undefined;
    },
    load(id) {
      if (id !== resolved(MATH_ID)) return undefined;
      return mathCss(
        state.get().deck.slides.map((slide) => slide.html),
        state.root,
        state.cacheDir,
      );
    },
  };
}
