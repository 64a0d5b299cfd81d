// `virtual:deck-font.css`: the deck's Chinese font, subset at build time to the characters the
// deck shows, split into the opening slides' glyphs and the rest, with a preload for the former.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import type { Deck, Diagnostic, Slide } from '../../shared/deck.js';
import { FIRST_VIEW_SLIDES, FONT_FAMILY } from '../../shared/presentation.js';
import { UI_STRINGS } from '../../shared/ui-strings.js';
import type { DeckState } from './deck-state.js';
import { formatDiagnostics } from '../markdown/format-diagnostics.js';
import { projectPath } from '../project-path.js';
import { attributeTexts, plainText } from '../markdown/html-text.js';
import {
  boldText,
  FONT_WEIGHTS,
  fontCharacters,
  missingGlyphs,
  remainingCharacters,
  subsetDeckFont,
  unicodeRange,
  type FontPlan,
  type SubsetFont,
} from '../font/subset-font.js';

export const FONT_ID = 'virtual:deck-font.css';

/** The font plugin: serves the @font-face rules and, in a build, the preload script. */
export function deckFontPlugin(state: DeckState): Plugin {
  let config: ResolvedConfig | undefined;
  let fonts: SubsetFont[] = [];
  let preloadScript: string | undefined;
  return {
    name: 'deck:font',
    configResolved(resolvedConfig) {
      config = resolvedConfig;
    },
    resolveId(id) {
      return id === FONT_ID ? `\0${FONT_ID}` : undefined;
    },
    async load(id) {
      if (id !== `\0${FONT_ID}`) return undefined;
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
      // The theme names the family through --deck-font, so the name is written in one place.
      const family = `:root { --deck-font: '${FONT_FAMILY}', sans-serif; }`;
      return [family, ...fonts.map((font) => fontFaceRule(font, state.root))].join('\n');
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
          .map((font) =>
            Object.values(bundle).find(
              (file) => file.type === 'asset' && file.names.includes(basename(font.path)),
            ),
          )
          .filter((asset) => asset !== undefined)
          .map((asset) => publicHref(config!, asset.fileName));
        if (hrefs.length === 0) return;
        const reference = this.emitFile({
          type: 'asset',
          name: 'deck-font-preload.js',
          source: preloadScriptSource(hrefs),
        });
        preloadScript = this.getFileName(reference);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!preloadScript || !config) return undefined;
        return [
          { tag: 'script', attrs: { async: true, src: publicHref(config, preloadScript) }, injectTo: 'head' },
        ];
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
  const url = '/' + projectPath(root, font.path);
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
  const bold = [
    ...Object.values(UI_STRINGS),
    ...meta,
    ...deck.slides.flatMap((s) => [boldText(s.html), boldText(s.notesHtml), s.title]),
  ].join('');
  const allBold = fontCharacters(bold);
  const firstBold = fontCharacters(opening.map((s) => boldText(s.html)).join(''));
  return {
    regular: { first: firstRegular, rest: remainingCharacters(characters, firstRegular) },
    bold: { first: firstBold, rest: remainingCharacters(allBold, firstBold) },
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
  return attributeTexts(html, ['aria-label', 'alt']).join('');
}

/** Where a character first appears in the slide files, for the missing-glyph message. */
function locate(char: string, files: string[], root: string): Diagnostic {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const at = text.indexOf(char);
    if (at >= 0) {
      const line = text.slice(0, at).split('\n').length;
      return {
        severity: 'error',
        code: 'glyph',
        file: projectPath(root, file),
        line,
        message: `no glyph for ${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase()})`,
      };
    }
  }
  return {
    severity: 'error',
    code: 'glyph',
    file: 'src/shared/ui-strings.ts',
    line: 1,
    message: `no glyph for ${JSON.stringify(char)}`,
  };
}
