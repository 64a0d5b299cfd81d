// `virtual:deck-font.css`: the deck's Chinese font, subset at build time to the characters the
// deck shows, split into the opening slides' glyphs (inline in the built page) and the rest.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import type { Plugin, ResolvedConfig } from 'vite';
import type { Deck, Diagnostic, Slide } from '../../shared/deck.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { FIRST_VIEW_SLIDES, FONT_FAMILY } from '../../shared/presentation.js';
import { UI_STRINGS } from '../../shared/ui-strings.js';
import type { DeckState } from './deck-state.js';
import { formatDiagnostics } from '../markdown/format-diagnostics.js';
import type { LoadedDeck } from '../markdown/load-deck.js';
import { projectPath } from '../project-path.js';
import { dataUrl } from '../export/data-url.js';
import { attributeTexts, decodeCharacterReferences, plainText } from '../markdown/html-text.js';
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

/**
 * The font plugin: serves the @font-face rules. In a build, the opening slides' glyphs are not in
 * the stylesheet: they come inline in index.html, as data: URLs, so the title paints in its own
 * font with no request beyond the page (prerender-plugin.ts writes the slide there); the rest of
 * the font is fetched by unicode range once the deck is up.
 */
export function deckFontPlugin(state: DeckState): Plugin {
  let config: ResolvedConfig | undefined;
  let fonts: SubsetFont[] = [];
  const inlined = () => config?.command === 'build';
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
      const { deck } = state.get();
      const characters = fontCharacters(deckText(deck));
      // The dev server shows these with the slides' other problems (deck-plugins.ts); a build stops.
      const problems = await glyphProblems(state);
      if (problems.length > 0 && config?.command === 'build') {
        const found = problems.map((p) => p.diagnostic);
        this.error(
          `the deck font has no glyph for ${problems.length} character(s):\n${formatDiagnostics(found)}`,
        );
      }
      fonts = await subsetDeckFont(fontPlan(deck, characters), state.cacheDir);
      // The theme names the family through --deck-font, so the name is written in one place.
      const family = `:root { --deck-font: '${FONT_FAMILY}', sans-serif; }`;
      const linked = fonts.filter((font) => !(inlined() && font.part === 'first'));
      return [
        family,
        ...linked.map((font) => fontFaceRule(font, `/${projectPath(state.root, font.path)}`)),
      ].join('\n');
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        if (!inlined()) return undefined;
        const rules = fonts
          .filter((font) => font.part === 'first')
          .map((font) => fontFaceRule(font, dataUrl(font.path, readFileSync(font.path))));
        if (rules.length === 0) return undefined;
        return [{ tag: 'style', children: rules.join('\n'), injectTo: 'head' }];
      },
    },
  };
}

/** One @font-face for one subset file; `unicode-range` makes the browser fetch it only for its characters. */
function fontFaceRule(font: SubsetFont, url: string): string {
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
    ...deck.slides.flatMap((s) => [boldText(shownHtml(s.html)), boldText(shownHtml(s.notesHtml)), s.title]),
  ].join('');
  const allBold = fontCharacters(bold);
  const firstBold = fontCharacters(opening.map((s) => boldText(shownHtml(s.html))).join(''));
  return {
    regular: { first: firstRegular, rest: remainingCharacters(characters, firstRegular) },
    bold: { first: firstBold, rest: remainingCharacters(allBold, firstBold) },
  };
}

/** All text the deck can show: slides, notes, metadata and the interface's own strings. */
function deckText(deck: Deck): string {
  const parts = [deck.meta.title, deck.meta.author, deck.meta.venue ?? '', ...Object.values(UI_STRINGS)];
  for (const slide of deck.slides) parts.push(slideText(slide), notesText(slide));
  return parts.join('');
}

/** The text a slide shows or labels itself with (its notes excluded). */
function slideText(slide: Slide): string {
  const html = shownHtml(slide.html);
  return plainText(html) + slide.title + attributeTexts(html, ['aria-label', 'alt']).join('');
}

function notesText(slide: Slide): string {
  return slide.notesHtml.includes(ERROR_CLASS) ? plainText(shownHtml(slide.notesHtml)) : slide.notesText;
}

const ERROR_CLASS = 'deck-error';

/**
 * `html` without its error boxes (`.deck-error`: a TeX error, a missing image, a slide's problem
 * list). They exist only in the dev server (a build with problems stops), quote KaTeX's own
 * messages and the author's broken source, and draw in a fallback font: their characters are
 * neither checked against the font nor put in the subset.
 */
function shownHtml(html: string): string {
  if (!html.includes(ERROR_CLASS)) return html;
  const cuts: [number, number][] = [];
  // Elements open inside the current error box, the box included; 0 outside any box.
  let depth = 0;
  let start = 0;
  const parser: Parser = new Parser(
    {
      onopentag: (_name, attributes) => {
        if (depth > 0) depth++;
        else if ((attributes.class ?? '').split(/\s+/).includes(ERROR_CLASS)) {
          depth = 1;
          start = parser.startIndex;
        }
      },
      onclosetag: () => {
        if (depth > 0 && --depth === 0) cuts.push([start, parser.endIndex + 1]);
      },
    },
    // As html-text.ts reads the same HTML: void and self-closed elements close at once.
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  if (depth > 0) cuts.push([start, html.length]);
  let kept = '';
  let from = 0;
  for (const [cutStart, cutEnd] of cuts) {
    kept += html.slice(from, cutStart);
    from = Math.max(from, cutEnd);
  }
  return kept + html.slice(from);
}

/** A character the font cannot draw: the first place it is written, and each slide that shows it. */
export interface GlyphProblem {
  char: string;
  diagnostic: Diagnostic;
  /** Slide index → where the character is written in that slide's part of its file. */
  slides: Map<number, Diagnostic>;
}

/** The deck's characters the font has no glyph for, located; worked out once per loaded deck. */
export function glyphProblems(state: DeckState): Promise<GlyphProblem[]> {
  return state.memo('glyphs', async (loaded) => {
    const missing = await missingGlyphs(fontCharacters(deckText(loaded.deck)), state.cacheDir);
    const problems = missing.map((char) => locateGlyph(char, loaded, state));
    return problems.sort((a, b) => compareSource(a.diagnostic, b.diagnostic));
  });
}

/**
 * The deck with its glyph problems added, for the dev server: listed with the other problems
 * (the overlay, the terminal) and shown on each slide whose text has the character, in the
 * slide's problem box (load-deck.ts puts one on a slide it could not build) or a box of their own.
 */
export function withGlyphProblems(deck: Deck, problems: GlyphProblem[]): Deck {
  if (problems.length === 0) return deck;
  return {
    ...deck,
    diagnostics: [...deck.diagnostics, ...problems.map((p) => p.diagnostic)],
    slides: deck.slides.map((slide) => {
      const found = problems.flatMap((p) => p.slides.get(slide.index) ?? []);
      return found.length > 0 ? { ...slide, html: withProblemItems(slide.html, found) } : slide;
    }),
  };
}

/** The problem box load-deck.ts opens a broken slide's HTML with, up to the end of its list. */
const PROBLEM_BOX = /^(<div class="deck-error deck-problems"[^>]*>[\s\S]*?)(<\/ul>)/;

/** `html` with `diagnostics` listed in its problem box, or in a new one of the same look (theme.css styles `.deck-problems`). */
function withProblemItems(html: string, diagnostics: Diagnostic[]): string {
  const items = diagnostics
    .map((d) => `<li><code>${escapeHtml(d.file)}:${d.line}</code> ${escapeHtml(d.message)}</li>`)
    .join('');
  if (PROBLEM_BOX.test(html))
    return html.replace(PROBLEM_BOX, (_, box: string, end: string) => box + items + end);
  return `<div class="${ERROR_CLASS} deck-problems" role="alert"><strong>This slide has problems</strong><ul>${items}</ul></div>${html}`;
}

function compareSource(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

const UI_STRINGS_FILE = fileURLToPath(new URL('../../shared/ui-strings.ts', import.meta.url));
/** The text files of a deck (the rest of `files` are its images). */
const TEXT_FILES = new Set(['.md', '.yaml', '.yml']);

/**
 * Where a character the font lacks comes from: the first slide that shows it (the line in that
 * slide's part of its file where it is typed, or written as an HTML entity such as `&#x1F600;`),
 * else its first occurrence in the deck's files (deck.yaml), else the interface's strings when it
 * is one of theirs, else nowhere a person typed it (the build made it, e.g. KaTeX): then the
 * slides folder is named, never a file that does not have it.
 */
function locateGlyph(char: string, { deck, files }: LoadedDeck, state: DeckState): GlyphProblem {
  const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const message = `no glyph for ${JSON.stringify(char)} (${codePoint}) in the deck font`;
  const diagnostic = (file: string, line: number, text = message): Diagnostic => ({
    severity: 'error',
    code: 'glyph',
    file: projectPath(state.root, file),
    line,
    message: text,
  });
  const texts = new Map<string, string | null>();
  const read = (file: string) => {
    if (!texts.has(file)) texts.set(file, readText(file));
    return texts.get(file)!;
  };

  const slides = new Map<number, Diagnostic>();
  for (const [i, slide] of deck.slides.entries()) {
    if (!(slideText(slide) + notesText(slide)).includes(char)) continue;
    const file = resolve(state.root, slide.source.file);
    const next = deck.slides[i + 1];
    const end = next && next.source.file === slide.source.file ? next.source.line : Infinity;
    const text = read(file);
    const line = text === null ? null : lineOf(text, char, slide.source.line, end);
    const made = `${message}: not typed on this slide (the build made it, e.g. KaTeX or a chart)`;
    slides.set(
      slide.index,
      line === null ? diagnostic(file, slide.source.line, made) : diagnostic(file, line),
    );
  }

  // Where a slide shows it: not an earlier mention inside a broken formula, which is not checked.
  const first = slides.values().next();
  if (!first.done) return { char, diagnostic: first.value, slides };
  for (const file of files) {
    if (!TEXT_FILES.has(extname(file))) continue;
    const text = read(file);
    const line = text === null ? null : lineOf(text, char);
    if (line !== null) return { char, diagnostic: diagnostic(file, line), slides };
  }
  if (Object.values(UI_STRINGS).some((s) => s.includes(char))) {
    const line = lineOf(readText(UI_STRINGS_FILE) ?? '', char) ?? 1;
    return { char, diagnostic: diagnostic(UI_STRINGS_FILE, line), slides };
  }
  const folder = projectPath(state.root, state.slidesDir) || '.';
  const nowhere = `${message}: not found in any slide file in ${folder}/ (the build made it, e.g. KaTeX or a chart)`;
  return { char, diagnostic: diagnostic(state.slidesDir, 1, nowhere), slides };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** `&#x1F600;`, `&#128512;`, `&eacute;` (browsers also take a few without the `;`). */
const ENTITY = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g;

/**
 * The 1-based line of `text` where `char` is first written, as itself or as an entity, searching
 * lines `from` (inclusive) to `to` (exclusive); null when it is not there.
 */
function lineOf(text: string, char: string, from = 1, to = Infinity): number | null {
  // Line breaks as the slide splitter counts them (CRLF, CR or LF), so the line numbers agree.
  const lines = text.split(/\r\n?|\n/);
  for (let n = Math.max(from, 1); n <= Math.min(to - 1, lines.length); n++) {
    const line = lines[n - 1]!;
    if (line.includes(char)) return n;
    for (const match of line.matchAll(ENTITY)) if (decodeCharacterReferences(match[0]) === char) return n;
  }
  return null;
}
