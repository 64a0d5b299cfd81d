// Cuts the deck's Chinese font down to the characters it uses, at build time. Source Han Sans SC
// (SIL OFL) comes from the `node-source-han-sans-sc` package: 17 MB per weight, some 200 KB after
// subsetting. Results are cached by content hash, so the dev server pays the cost once.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const FONT_FAMILY = 'Deck Sans';
export const FONT_WEIGHTS = { regular: 400, bold: 700 } as const;
export type FontWeightName = keyof typeof FONT_WEIGHTS;
const SOURCE_FILES: Record<FontWeightName, string> = {
  regular: 'SourceHanSansSC-Regular.otf',
  bold: 'SourceHanSansSC-Bold.otf',
};
/** Printable ASCII is always kept: numbers, Latin terms and punctuation typed on any slide. */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
/** Changing this invalidates every cached subset. */
const CACHE_VERSION = '1';

export interface SubsetFont {
  weight: FontWeightName;
  /** Absolute path of the cached woff2 file. */
  path: string;
}

/** Characters a font must carry to draw `text` (plus ASCII), sorted, without duplicates. */
export function fontCharacters(text: string): string {
  const chars = new Set([...ALWAYS, ...text.replace(/\s/g, '')]);
  return [...chars].sort().join('');
}

/** Writes (or finds in the cache) the woff2 subsets for `characters`. */
export async function subsetDeckFont(characters: string, cacheDir: string): Promise<SubsetFont[]> {
  const require = createRequire(import.meta.url);
  mkdirSync(cacheDir, { recursive: true });
  const hash = createHash('sha256').update(CACHE_VERSION).update(characters).digest('hex').slice(0, 12);
  const fonts: SubsetFont[] = [];
  for (const weight of Object.keys(SOURCE_FILES) as FontWeightName[]) {
    const path = join(cacheDir, `deck-sans-${weight}-${hash}.woff2`);
    if (!existsSync(path)) {
      const { default: subset } = await import('subset-font');
      const source = readFileSync(require.resolve(`node-source-han-sans-sc/${SOURCE_FILES[weight]}`));
      writeFileSync(path, await subset(source, characters, { targetFormat: 'woff2' }));
    }
    fonts.push({ weight, path });
  }
  return fonts;
}

/** The characters in `characters` that the source font has no glyph for (the build refuses them). */
export async function missingGlyphs(characters: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const { openSync } = await import('fontkit');
  const font = openSync(require.resolve(`node-source-han-sans-sc/${SOURCE_FILES.regular}`));
  if (!('hasGlyphForCodePoint' in font)) throw new Error('the deck font is a collection, not a single font');
  return [...characters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
}
