// Cuts the deck's Chinese font down to the characters it uses, at build time. Source Han Sans SC
// (SIL OFL) comes from the `node-source-han-sans-sc` package: 17 MB per weight. Each weight is
// cut twice: the glyphs of the slides on screen when the deck opens ("first", inline in the built
// page) and the rest (fetched right after), joined again in CSS by `unicode-range`. Bold carries
// only what can render bold. Results are cached by content hash, so the dev server pays the cost once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { textRuns } from '../markdown/html-text.js';
import { mathTextIsBold } from './katex-css.js';
import { DIAGRAM_BOLD_CLASS } from '../diagram/scene.js';

export const FONT_WEIGHTS = { regular: 400, bold: 700 } as const;
export type FontWeightName = keyof typeof FONT_WEIGHTS;
/** `first`: glyphs of the slides shown on opening; `rest`: everything else. */
export const FONT_PARTS = ['first', 'rest'] as const;
export type FontPart = (typeof FONT_PARTS)[number];
/** The characters each file carries; a file with none is not written. */
export type FontPlan = Record<FontWeightName, Record<FontPart, string>>;

const SOURCE_FILES: Record<FontWeightName, string> = {
  regular: 'SourceHanSansSC-Regular.otf',
  bold: 'SourceHanSansSC-Bold.otf',
};
/** Printable ASCII is always kept: numbers, Latin terms and punctuation typed on any slide. */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
/** Changing this invalidates every cached subset. */
const CACHE_VERSION = '4';

/**
 * What renders bold. Keep in step with src/client/audience/theme.css (font-weight: 700 on `.reveal h1–h3`,
 * `.reveal strong`, `.chart-value`, diagrams.css's `.diagram-strong`) and the browser's defaults (h4–h6, b, th); bold TeX
 * (`\textbf`…) is found from KaTeX's own rules. A character drawn bold that is missing here
 * falls back to another font, so when the theme makes something else bold, add it here.
 */
const BOLD_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th']);
const BOLD_CLASSES = new Set(['chart-value', DIAGRAM_BOLD_CLASS]);

/**
 * `noLayoutClosure`: keep the glyphs the characters map to, not every alternate that some OpenType
 * feature could substitute (vertical, full- and half-width, other locales' forms…). The deck sets
 * none of those features, and the closure nearly doubles the file (150 → 81 KB for one section).
 * `noHinting`: drop the CFF hints. They only steer rasterising at small sizes on Windows; the
 * slides are set at 34 px and up, and the hints are a sixth of the file (regular 141 → 119 KB,
 * bold 76 → 62 KB for the talk).
 */
const SUBSET_OPTIONS = { targetFormat: 'woff2', noLayoutClosure: true, noHinting: true } as const;

export interface SubsetFont {
  weight: FontWeightName;
  part: FontPart;
  /** Absolute path of the cached woff2 file. */
  path: string;
  characters: string;
}

/** White space and format characters (zero-width spaces, joiners, marks): nothing to draw. */
const INVISIBLE = /[\s\p{Cf}]/gu;

/** Characters a font must carry to draw `text` (plus ASCII), sorted, without duplicates. */
export function fontCharacters(text: string): string {
  // Invisible characters need no glyph: KaTeX puts a zero-width space in every fraction.
  const chars = new Set([...ALWAYS, ...text.replace(INVISIBLE, '')]);
  return [...chars].sort().join('');
}

/** The text of `html` that renders bold (see BOLD_TAGS); the bold subset is cut to it. */
export function boldText(html: string): string {
  return textRuns(html)
    .filter(
      (run) =>
        run.ancestors.some((e) => BOLD_TAGS.has(e.tag) || e.classes.some((c) => BOLD_CLASSES.has(c))) ||
        mathTextIsBold(run),
    )
    .map((run) => run.text)
    .join('');
}

/** `all` minus `first`, both as from fontCharacters. */
export function remainingCharacters(all: string, first: string): string {
  const shown = new Set(first);
  return [...all].filter((c) => !shown.has(c)).join('');
}

/** A CSS `unicode-range` value covering exactly `characters`, with runs folded into ranges. */
export function unicodeRange(characters: string): string {
  const points = [...new Set([...characters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    while (points[i + 1] === points[i]! + 1) i++;
    ranges.push(points[i] === start ? `U+${hex(start)}` : `U+${hex(start)}-${hex(points[i]!)}`);
  }
  return ranges.join(', ');
}

/** Writes (or finds in the cache) one woff2 file per weight and part of `plan`; runs when Vite loads the font CSS. */
export async function subsetDeckFont(plan: FontPlan, cacheDir: string): Promise<SubsetFont[]> {
  mkdirSync(cacheDir, { recursive: true });
  const fonts: SubsetFont[] = [];
  for (const weight of Object.keys(SOURCE_FILES) as FontWeightName[]) {
    let font: Buffer | undefined;
    for (const part of FONT_PARTS) {
      const characters = plan[weight][part];
      if (!characters) continue;
      const source = sourcePath(weight);
      const hash = hashOf(CACHE_VERSION, weight, sourceVersion(source), characters);
      const path = join(cacheDir, `deck-sans-${weight}-${part}-${hash}.woff2`);
      if (!existsSync(path)) {
        const { default: subset } = await import('subset-font');
        font ??= readFileSync(source);
        // Write then rename, so a build that dies halfway never leaves a truncated font in the cache.
        writeFileSync(`${path}.tmp`, await subset(font, characters, SUBSET_OPTIONS));
        renameSync(`${path}.tmp`, path);
      }
      fonts.push({ weight, part, path, characters });
    }
  }
  return fonts;
}

/**
 * The characters in `characters` that the source font has no glyph for (the build refuses them).
 * With `cacheDir`, a passed check is remembered: parsing the 17 MB font is a third of a build.
 */
export async function missingGlyphs(characters: string, cacheDir?: string): Promise<string[]> {
  const path = sourcePath('regular');
  const marker =
    cacheDir && join(cacheDir, `glyphs-ok-${hashOf(CACHE_VERSION, sourceVersion(path), characters)}`);
  if (marker && existsSync(marker)) return [];
  const { openSync } = await import('fontkit');
  const font = openSync(path);
  if (!('hasGlyphForCodePoint' in font)) throw new Error('the deck font is a collection, not a single font');
  const missing = [...characters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
  if (marker && missing.length === 0) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(marker, '');
  }
  return missing;
}

/** The Source Han Sans SC file of `weight`; diagrams measure their text with the same file. */
export function sourcePath(weight: FontWeightName): string {
  return createRequire(import.meta.url).resolve(`node-source-han-sans-sc/${SOURCE_FILES[weight]}`);
}

/** The source file's size and time stand for its version: a new font package means new subsets. */
function sourceVersion(path: string): string {
  const { size, mtimeMs } = statSync(path);
  return `${size}:${mtimeMs}`;
}

function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
}
