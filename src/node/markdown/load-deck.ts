// Reads `slides/` from disk and composes the pipeline: deck.yaml → split → build each slide →
// deck-wide checks. The only module of the build that touches the file system.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Deck, Diagnostic, Slide } from '../../shared/deck.js';
import { buildSlide } from './build-slide.js';
import { parseDeckMeta } from './deck-meta.js';
import { projectPath } from '../project-path.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { splitSlides } from './split-slides.js';

export const DECK_META_FILE = 'deck.yaml';
/** Image URLs in slide HTML are `deck-asset:N` until the Vite plugin swaps in the bundled URL. */
export const ASSET_PREFIX = 'deck-asset:';
const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

export interface LoadedDeck {
  deck: Deck;
  /** Absolute paths of the images the slides use; `deck-asset:N` refers to `images[N]`. */
  images: string[];
  /** Every file the deck was read from, for the dev server to watch. */
  files: string[];
}

/** Loads and builds the deck in `slidesDir`; `root` makes file names in messages relative. */
export function loadDeck(slidesDir: string, root: string): LoadedDeck {
  const diagnostics: Diagnostic[] = [];
  const images: string[] = [];
  const files: string[] = [];
  const name = (path: string) => projectPath(root, path);

  const metaPath = join(slidesDir, DECK_META_FILE);
  files.push(metaPath);
  const metaText = existsSync(metaPath) ? readFileSync(metaPath, 'utf8') : '';
  const meta = parseDeckMeta(metaText, name(metaPath));
  diagnostics.push(...meta.diagnostics);

  const markdownFiles = readdirSync(slidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(slidesDir, f));
  if (markdownFiles.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'no-slides',
      file: name(slidesDir),
      line: 1,
      message: 'no .md files in the slides folder',
    });
  }
  const slides: Slide[] = [];
  const problems = new Map<Slide, Diagnostic[]>();
  for (const path of markdownFiles) {
    files.push(path);
    const file = name(path);
    const split = splitSlides(readFileSync(path, 'utf8'), file);
    diagnostics.push(...split.diagnostics);
    const resolveImage = (href: string): string | null => {
      if (REMOTE.test(href) || isAbsolute(href)) return null;
      const target = resolve(dirname(path), decodePath(href));
      if (!existsSync(target) || !statSync(target).isFile()) return null;
      files.push(target);
      const known = images.indexOf(target);
      return ASSET_PREFIX + (known >= 0 ? known : images.push(target) - 1);
    };
    for (const raw of split.slides) {
      const built = buildSlide(raw, slides.length, resolveImage);
      slides.push(built.slide);
      problems.set(built.slide, built.diagnostics);
      diagnostics.push(...built.diagnostics);
    }
  }
  for (const duplicate of checkUniqueIds(slides)) {
    diagnostics.push(duplicate.diagnostic);
    problems.get(duplicate.slide)!.push(duplicate.diagnostic);
  }
  for (const slide of slides) if (slide.broken) slide.html = problemPanel(problems.get(slide)!) + slide.html;
  return { deck: { meta: meta.meta, slides, diagnostics }, images, files };
}

/** `%20` in an image path is a space; a `%` that starts no escape (`50%.png`) is kept, not a crash. */
function decodePath(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

function checkUniqueIds(slides: Slide[]): { slide: Slide; diagnostic: Diagnostic }[] {
  const seen = new Map<string, Slide>();
  const found: { slide: Slide; diagnostic: Diagnostic }[] = [];
  for (const slide of slides) {
    const first = seen.get(slide.id);
    if (first) {
      slide.broken = true;
      const message = `slide id \`${slide.id}\` is already used by the slide at ${first.source.file}:${first.source.line}`;
      found.push({
        slide,
        diagnostic: { severity: 'error', code: 'duplicate-id', ...slide.source, message },
      });
    } else seen.set(slide.id, slide);
  }
  return found;
}

/** What a broken slide shows in the dev server instead of going blank. */
function problemPanel(diagnostics: Diagnostic[]): string {
  const items = diagnostics
    .map((d) => `<li><code>${escapeHtml(d.file)}:${d.line}</code> ${escapeHtml(d.message)}</li>`)
    .join('');
  return `<div class="deck-error deck-problems" role="alert"><strong>This slide has problems</strong><ul>${items}</ul></div>`;
}
