// The yardstick deck: the talk's own text as one Marp Markdown file, built by marp-cli (its HTML
// with the bespoke template, and its PDF). Marp gets what a person would carry over by hand:
// headings, lists, paragraphs, math, images and speaker notes (as HTML comments, which Marp
// shows as presenter notes). Our diagrams, charts, HTML blocks and slide settings have no Marp
// counterpart and are left out, which if anything makes Marp's pages lighter than ours.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { findChromium } from '../cli/chromium.js';
import { parseDeckMeta } from '../markdown/deck-meta.js';
import { DECK_META_FILE } from '../markdown/load-deck.js';
import type { RawSlide } from '../markdown/split-slides.js';
import { PROJECT_ROOT } from '../project-path.js';
import { IMAGE_LINK, REMOTE, readSlides } from './bench-decks.js';
import { timeProcess } from './bench-process.js';

/** marp-cli from the project's own devDependencies (no download, no npx look-up). */
export const MARP_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'marp');
/** Where the converted file's images go, relative to it (and to the HTML built beside it). */
const IMAGE_DIR = 'images';

const NOTE = /^Note:[ \t]*$/m;
/** Fenced blocks our build turns into pictures; Marp would show their YAML as code. */
const OUR_FENCES = new Set(['diagram', 'chart']);
const HEADING = /^#{1,2}[ \t]+(.+?)[ \t#]*$/m;

export interface MarpDeck {
  /** The Marp Markdown file, its images in `images/` beside it. */
  markdown: string;
  /** Where its HTML goes (`index.html`, the images copied to `images/` again): what is served and weighed. */
  site: string;
  /** Text of the first slide's first h1/h2: the element whose first frame the cold loads wait for. */
  title: string;
  slides: number;
}

/**
 * One slide's Markdown as Marp Markdown: notes after `Note:` become an HTML comment, our
 * diagram/chart fences and HTML tags go (their text stays), image links go through `relink`
 * (null keeps the link as written). Pure.
 */
export function toMarpSlide(body: string, relink: (href: string) => string | null): string {
  const noteAt = body.search(NOTE);
  const content = noteAt < 0 ? body : body.slice(0, noteAt);
  const notes = noteAt < 0 ? '' : body.slice(noteAt).replace(NOTE, '').trim();
  const lines: string[] = [];
  let fence: { marker: string; drop: boolean } | null = null;
  for (const line of content.split('\n')) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      if (open && open[2]!.startsWith(fence.marker) && line.trim() === open[2]) {
        if (!fence.drop) lines.push(line);
        fence = null;
      } else if (!fence.drop) lines.push(line);
      continue;
    }
    if (open) {
      fence = { marker: open[2]!, drop: OUR_FENCES.has(open[3] ?? '') };
      if (!fence.drop) lines.push(line);
      continue;
    }
    const text = line
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      .replace(IMAGE_LINK, (whole, start: string, href: string) => {
        const to = relink(href);
        return to === null ? whole : start + to;
      });
    // A line that only held tags is dropped rather than left as a stray blank.
    if (text.trim() === '' && line.trim() !== '') continue;
    lines.push(text);
  }
  const markdown = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // `-->` would end the comment early; `--` alone is fine inside one for Marp's parser.
  return notes ? `${markdown}\n\n<!--\n${notes.replace(/-->/g, '—>')}\n-->` : markdown;
}

/** The whole Marp file for `slides`: global directives, then the slides separated by `---`. Pure. */
export function toMarpMarkdown(
  slides: readonly Pick<RawSlide, 'body'>[],
  meta: { title: string; lang: string },
  relink: (href: string) => string | null,
): string {
  const header = `---\nmarp: true\ntitle: ${JSON.stringify(meta.title)}\nlang: ${meta.lang}\nsize: 16:9\n---`;
  return `${header}\n\n${slides.map((s) => toMarpSlide(s.body, relink)).join('\n\n---\n\n')}\n`;
}

/** Text of the first h1 or h2 in `markdown` (inline emphasis and code marks removed), or null. Pure. */
export function firstHeading(markdown: string): string | null {
  const match = HEADING.exec(markdown);
  return match ? match[1]!.replace(/[*_`]/g, '').trim() : null;
}

/** Writes the talk in `slidesDir` as `<dir>/src/talk.md` with its images copied to `<dir>/src/images/`. */
export function writeMarpDeck(slidesDir: string, dir: string): MarpDeck {
  const source = join(dir, 'src');
  const slides = readSlides(slidesDir);
  if (slides.length === 0) throw new Error(`no slides in ${slidesDir}`);
  mkdirSync(join(source, IMAGE_DIR), { recursive: true });
  const relink = (href: string) => {
    if (REMOTE.test(href) || isAbsolute(href)) return null;
    const file = resolve(slidesDir, decodeURI(href));
    copyFileSync(file, join(source, IMAGE_DIR, basename(file)));
    return `${IMAGE_DIR}/${encodeURI(basename(file))}`;
  };
  // Read as the deck's own build reads it (its defaults included).
  const metaFile = join(slidesDir, DECK_META_FILE);
  const { meta } = parseDeckMeta(readFileSync(metaFile, 'utf8'), metaFile);
  const markdown = join(source, 'talk.md');
  writeFileSync(markdown, toMarpMarkdown(slides, { title: meta.title, lang: meta.lang }, relink));
  const title = firstHeading(slides[0]!.body);
  if (!title) throw new Error('the first slide has no # or ## heading for the cold loads to wait for');
  return { markdown, site: join(dir, 'site'), title, slides: slides.length };
}

/** marp-cli's environment: the system Chromium (for --pdf), never a download. */
function marpEnv(): NodeJS.ProcessEnv {
  const chromium = findChromium();
  return chromium ? { ...process.env, CHROME_PATH: chromium } : process.env;
}

/**
 * Builds `deck` as HTML (bespoke template) into `deck.site`, images beside it as the links expect;
 * returns marp's wall time in ms (the copy is not timed: a person builds in place).
 */
export async function buildMarpHtml(deck: MarpDeck): Promise<number> {
  const images = join(deck.markdown, '..', IMAGE_DIR);
  cpSync(images, join(deck.site, IMAGE_DIR), { recursive: true });
  return timeProcess(MARP_BIN, ['--no-config-file', deck.markdown, '-o', join(deck.site, 'index.html')], {
    env: marpEnv(),
  }).then((run) => run.ms);
}

/** `marp --pdf` on `deck` as one process (its Chromium start included); returns the wall time in ms. */
export function timeMarpPdf(deck: MarpDeck, out: string): Promise<number> {
  const chromium = findChromium();
  const browser = chromium ? ['--browser', 'chrome', '--browser-path', chromium] : [];
  return timeProcess(
    MARP_BIN,
    ['--no-config-file', '--pdf', '--allow-local-files', ...browser, deck.markdown, '-o', out],
    { env: marpEnv() },
  ).then((run) => run.ms);
}
