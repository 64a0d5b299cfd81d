// Reads `slides/` from disk and composes the pipeline: deck.yaml → split → build each slide →
// deck-wide checks. With deck-files.ts (text files) and image-file.ts (pictures), the only
// modules of the build that touch the file system.
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Deck, Diagnostic, Slide } from '../../shared/deck.js';
import { buildSlide } from './build-slide.js';
import { listMarkdownFiles, readTextFile } from './deck-files.js';
import { parseDeckMeta } from './deck-meta.js';
import { findImageFile } from './image-file.js';
import { MAX_DIAGNOSTICS_PER_FILE, MAX_FILE_BYTES, MAX_META_BYTES } from './limits.js';
import { projectPath } from '../project-path.js';
import type { ImageLookup } from './render-markdown.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { splitSlides } from './split-slides.js';

export const DECK_META_FILE = 'deck.yaml';
/** Image URLs in slide HTML are `deck-asset:N` until the Vite plugin swaps in the bundled URL. */
export const ASSET_PREFIX = 'deck-asset:';

export interface LoadedDeck {
  deck: Deck;
  /** Absolute paths of the images the slides use; `deck-asset:N` refers to `images[N]`. */
  images: string[];
  /** Every file the deck was read from, for the dev server to watch. */
  files: string[];
}

/** Loads and builds the deck in `slidesDir`; `root` makes file names in messages relative, and bounds where images may be. */
export function loadDeck(slidesDir: string, root: string): LoadedDeck {
  const diagnostics: Diagnostic[] = [];
  const images: string[] = [];
  const files: string[] = [];
  const name = (path: string) => projectPath(root, path);
  const report = (code: string, path: string, line: number, message: string) =>
    diagnostics.push({ severity: 'error', code, file: name(path), line, message });

  const listing = listMarkdownFiles(slidesDir);
  if ('problem' in listing) {
    // Nothing else can be read; saying deck.yaml is missing too would only be noise.
    report('slides-folder', slidesDir, 1, listing.problem);
    return { deck: { meta: parseDeckMeta('', DECK_META_FILE).meta, slides: [], diagnostics }, images, files };
  }

  const metaPath = join(slidesDir, DECK_META_FILE);
  files.push(metaPath);
  const metaRead = readTextFile(metaPath, MAX_META_BYTES, 'deck.yaml');
  let metaText = '';
  if ('text' in metaRead) metaText = metaRead.text;
  // A deck.yaml that is not there is reported by what it lacks (title, author).
  else if (!metaRead.missing) report(metaRead.code, metaPath, metaRead.line, metaRead.problem);
  const meta = parseDeckMeta(metaText, name(metaPath));
  diagnostics.push(...meta.diagnostics);

  if (listing.paths.length === 0) report('no-slides', slidesDir, 1, 'no .md files in the slides folder');
  const realRoot = realPath(root);
  const slides: Slide[] = [];
  const problems = new Map<Slide, Diagnostic[]>();
  for (const path of listing.paths) {
    files.push(path);
    const file = name(path);
    const read = readTextFile(path, MAX_FILE_BYTES, 'a slide file');
    if ('problem' in read) {
      report(read.code, path, read.line, read.problem);
      continue;
    }
    const fileDiagnostics: Diagnostic[] = [];
    const split = splitSlides(read.text, file);
    fileDiagnostics.push(...split.diagnostics);
    const resolveImage = (href: string): ImageLookup => {
      const image = findImageFile(href, path, root, realRoot);
      if ('problem' in image) return image;
      files.push(image.path);
      const known = images.indexOf(image.path);
      return { url: ASSET_PREFIX + (known >= 0 ? known : images.push(image.path) - 1) };
    };
    for (const raw of split.slides) {
      const built = buildSlide(raw, slides.length, resolveImage);
      slides.push(built.slide);
      problems.set(built.slide, built.diagnostics);
      fileDiagnostics.push(...built.diagnostics);
    }
    diagnostics.push(...capped(fileDiagnostics, file));
  }
  for (const duplicate of checkUniqueIds(slides)) {
    diagnostics.push(duplicate.diagnostic);
    problems.get(duplicate.slide)!.push(duplicate.diagnostic);
  }
  for (const slide of slides) if (slide.broken) slide.html = problemPanel(problems.get(slide)!) + slide.html;
  return { deck: { meta: meta.meta, slides, diagnostics }, images, files };
}

/** A file's problems, the first MAX_DIAGNOSTICS_PER_FILE of them and a count of the rest: one broken file (a pasted binary, say) does not bury the others. */
function capped(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const rest = diagnostics.length - shown.length;
  return [
    ...shown,
    {
      severity: 'error',
      code: 'more-problems',
      file,
      line: diagnostics[MAX_DIAGNOSTICS_PER_FILE]!.line,
      message: `and ${rest} more problem(s) in this file from here on (fix the ones above first)`,
    },
  ];
}

/** The real path of `path` (links resolved), or the path itself when it cannot be resolved. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
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
