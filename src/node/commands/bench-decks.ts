// The decks the benchmark measures, and how it builds and weighs them: the talk itself, a
// generated 200-slide deck made from the talk's own slides, and a plain reveal.js project (its
// markdown and notes plugins, stock theme) holding the same Markdown, built by the same Vite.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { DECK_META_FILE } from '../markdown/load-deck.js';
import { splitSlides, type RawSlide } from '../markdown/split-slides.js';
import { transferBody } from '../cli/static-server.js';

export type AssetKind = 'js' | 'css' | 'fonts' | 'other';
export type OutputBytes = Record<AssetKind | 'total', { raw: number; gzip: number; files: number }>;

const KINDS: Record<string, AssetKind> = {
  '.js': 'js',
  '.mjs': 'js',
  '.css': 'css',
  '.woff2': 'fonts',
  '.woff': 'fonts',
  '.ttf': 'fonts',
  '.otf': 'fonts',
};
/** A Markdown image link: its `![alt](` and its address. */
export const IMAGE_LINK = /(!\[[^\]]*\]\()([^)\s]+)/g;
/** An address with a scheme (https:, data:): not a file of the slides folder. */
export const REMOTE = /^[a-z][a-z0-9+.-]*:/i;
const ID_LINE = /^id:\s*(.+)$/m;

/** Bytes of every file under `dir` by kind, raw and as the benchmark's server sends them (gzip for text). */
export function outputBytes(dir: string): OutputBytes {
  const bytes = Object.fromEntries(
    ['js', 'css', 'fonts', 'other', 'total'].map((k) => [k, { raw: 0, gzip: 0, files: 0 }]),
  ) as OutputBytes;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const raw = readFileSync(path);
    const sent = transferBody(path, raw).length;
    for (const kind of [KINDS[extname(path)] ?? 'other', 'total'] as const) {
      bytes[kind].raw += raw.length;
      bytes[kind].gzip += sent;
      bytes[kind].files += 1;
    }
  }
  return bytes;
}

/** The slides of every Markdown file in `slidesDir`, in deck order, as the deck's own splitter sees them. */
export function readSlides(slidesDir: string): RawSlide[] {
  const files = readdirSync(slidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  return files.flatMap((f) => splitSlides(readFileSync(join(slidesDir, f), 'utf8'), f).slides);
}

/** Writes a deck of `count` slides into `outDir`, cycling through the real slides (new ids, image links fixed); runs before its build. */
export function generateLargeDeck(slidesDir: string, outDir: string, count: number): void {
  const source = readSlides(slidesDir);
  if (source.length === 0) throw new Error(`no slides in ${slidesDir}`);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(slidesDir, DECK_META_FILE), join(outDir, DECK_META_FILE));
  const perFile = 20;
  for (let start = 0; start < count; start += perFile) {
    const chunk: string[] = [];
    for (let i = start; i < Math.min(start + perFile, count); i++) {
      const slide = source[i % source.length]!;
      const front = slide.frontMatter?.text ?? '';
      const id = ID_LINE.exec(front)?.[1]?.trim() ?? 'slide';
      const frontMatter = ID_LINE.test(front)
        ? front.replace(ID_LINE, `id: ${id}-${i}`)
        : `id: ${id}-${i}\n${front}`;
      chunk.push(
        `---\n${frontMatter.trim()}\n---\n\n${relinkImages(slide.body.trim(), slidesDir, outDir)}\n`,
      );
    }
    writeFileSync(join(outDir, `${String(start / perFile).padStart(2, '0')}-generated.md`), chunk.join('\n'));
  }
}

/** Image links are relative to the slide file: point them from `toDir` at the same files. */
function relinkImages(markdown: string, fromDir: string, toDir: string): string {
  return markdown.replace(IMAGE_LINK, (whole, open: string, href: string) =>
    REMOTE.test(href) || isAbsolute(href)
      ? whole
      : open +
        relative(toDir, resolve(fromDir, decodeURI(href)))
          .split('\\')
          .join('/'),
  );
}

/**
 * Writes a plain reveal.js project for the same slides into `dir`: the Markdown in a
 * `data-markdown` textarea, reveal's markdown and notes plugins, the stock black theme, as
 * reveal.js's own starter does. Math and charts stay as text (reveal's math plugin would fetch
 * KaTeX from a CDN). `html[data-deck-ready]` is set after ready + fonts, as our deck does.
 */
export function writeBaselineProject(slidesDir: string, dir: string, nodeModules: string): void {
  const slides = readSlides(slidesDir);
  mkdirSync(join(dir, 'public', 'images'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  // reveal's markdown plugin leaves image URLs alone: copy each image to public/images/ and link it there.
  const markdown = slides
    .map((slide) =>
      slide.body.trim().replace(IMAGE_LINK, (whole, open: string, href: string) => {
        const file = resolve(slidesDir, decodeURI(href));
        if (REMOTE.test(href) || isAbsolute(href) || !existsSync(file)) return whole;
        copyFileSync(file, join(dir, 'public', 'images', basename(file)));
        return `${open}./images/${basename(file)}`;
      }),
    )
    .join('\n\n---\n\n');
  const escaped = markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>plain reveal.js</title>
  </head>
  <body>
    <div class="reveal">
      <div class="slides">
        <section data-markdown data-separator="^\\n---\\n$"><textarea data-template>
${escaped}
</textarea></section>
      </div>
    </div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import Notes from 'reveal.js/plugin/notes';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/black.css';

const deck = new Reveal({ hash: true, plugins: [Markdown, Notes] });
deck.initialize().then(() => document.fonts.ready).then(() => {
  document.documentElement.dataset.deckReady = 'true';
});
`,
  );
  writeFileSync(
    join(dir, 'vite.config.mjs'),
    // The output folder comes from the command line (vite-build.ts's timedViteBuild).
    `export default { base: './', cacheDir: '.vite-cache' };\n`,
  );
}
