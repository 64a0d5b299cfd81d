// `npm run export -- --html`: the built deck as one self-contained HTML file, to open from a folder
// of its own, a USB stick or an e-mail attachment, offline, with the presenter console
// (`?presenter`), the print view (`?view=print`) and the handout (`?view=handout`) working from it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mediaType } from '../export/data-url.js';
import { InlineError } from '../export/inline-assets.js';
import { inlinePage, type InlinedPage } from '../export/inline-page.js';
import { decodeCharacterReferences } from '../markdown/html-text.js';

export interface HtmlExportOptions {
  /** The built deck (Vite's output folder). */
  dist: string;
  /** The file to write; defaults to `<dist>/export/<the deck's title>.html`. */
  out?: string;
  onProgress?: (message: string) => void;
}

export interface HtmlExportResult {
  out: string;
  bytes: number;
  /** What it would weigh gzipped (an attachment, a static host). */
  gzipBytes: number;
  parts: InlinedPage['parts'];
}

/** Writes the one-file page of the deck built in `options.dist` and says what it wrote. */
export function exportHtml(options: HtmlExportOptions): HtmlExportResult {
  const progress = options.onProgress ?? (() => {});
  const root = resolve(options.dist);
  if (!existsSync(join(root, 'index.html')))
    throw new InlineError(`${options.dist} has no built deck (index.html): run \`npm run build\` first`);
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const { html: page, parts } = inlinePage(html, builtFiles(root));
  const out = resolve(options.out ?? join(root, 'export', `${fileTitle(html)}.html`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, page);
  const bytes = Buffer.byteLength(page);
  const gzipBytes = gzipSync(page).length;
  progress(
    `html: wrote ${relative(process.cwd(), out) || out} (${kib(bytes)}, ${kib(gzipBytes)} gzipped): ${breakdown(parts)}`,
  );
  return { out, bytes, gzipBytes, parts };
}

/** Every file under `root` a page could load, by `/`-separated path (PDFs and earlier exports are not). */
function builtFiles(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && mediaType(path))
      files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
  }
  return files;
}

/** The page's <title> as a file name: what a person sees in their downloads or attachments. */
function fileTitle(html: string): string {
  const title = decodeCharacterReferences(/<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '');
  const name = title
    .replace(/[\p{Cc}<>:"/\\|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return name || 'deck';
}

/** `script 206 KiB, fonts 309 KiB (5), …`, largest first. */
function breakdown(parts: InlinedPage['parts']): string {
  const totals = new Map<string, { bytes: number; count: number }>();
  for (const part of parts) {
    const total = totals.get(part.kind) ?? { bytes: 0, count: 0 };
    totals.set(part.kind, { bytes: total.bytes + part.bytes, count: total.count + 1 });
  }
  return [...totals]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { bytes, count }]) => `${kind} ${kib(bytes)}${count > 1 ? ` (${count} files)` : ''}`)
    .join(', ');
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
