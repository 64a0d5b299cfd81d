// `npm run export`: the slides PDF and the speaker handout PDF of the built deck, with the deck's
// own font embedded, an outline, tags and document properties. Chromium prints the deck's own
// printable views (`?view=print`, `?view=handout`), exactly what a person printing from the
// browser gets, once they set `html[data-pdf-ready]`.
//
//   npm run export -- [--slides | --handout] [--steps] [--range 3-7] [--dist dir] [--out file.pdf] [--no-build]
//   npm run export -- --html [--dist dir] [--out file.html] [--no-build]    (export-html.ts)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isMainModule, readArgs, usageError } from '../cli/args.js';
import { NoBrowserError } from '../cli/chromium.js';
import { launchPrintBrowser, type PrintBrowser, type PrintPage } from '../cli/print-browser.js';
import { serveStatic, type StaticServer } from '../cli/static-server.js';
import { BuildError, ensureBuilt } from '../cli/vite-build.js';
import { InlineError } from '../export/inline-assets.js';
import { PROJECT_ROOT } from '../project-path.js';
import { Timings } from '../cli/timings.js';
import { withDocumentInfo, type DocumentInfo } from '../pdf/document-info.js';

export type PdfKind = 'slides' | 'handout';

export interface ExportOptions {
  /** The built deck (Vite's output folder). */
  dist: string;
  /** The PDF to write; defaults to `<dist>/pdf/<kind>.pdf`. */
  out?: string;
  kind: PdfKind;
  /** Slides PDF only: one page per build step instead of one per slide. */
  steps?: boolean;
  /** Only these slides, 1-based: `3-7` or `5`. */
  range?: string;
  /** Reuse a browser and server from `openExportSession` (several exports, the benchmark). */
  session?: ExportSession;
  /** Told what is happening, for a person waiting at a terminal. */
  onProgress?: (message: string) => void;
  /** Where each phase's time is recorded (`--timings`). */
  timings?: Timings;
}

export interface ExportResult {
  kind: PdfKind;
  out: string;
  pages: number;
  bytes: number;
  ms: number;
}

/** A browser and a static server for one built deck; `close()` stops both. */
export interface ExportSession {
  browser: PrintBrowser;
  baseUrl: string;
  close(): Promise<void>;
}

/** What goes wrong in a way the person exporting can fix (bad range, slide too tall, no built deck). */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** Laying out a few hundred slides and loading their fonts takes seconds, not minutes. */
const READY_TIMEOUT_MS = 120_000;
const VIEWS: Record<PdfKind, string> = { slides: 'print', handout: 'handout' };

/** Writes one PDF of the built deck in `options.dist` and says what it wrote. */
export async function exportPdf(options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  checkRange(options.range);
  if (options.steps && options.kind === 'handout')
    throw new ExportError('--steps applies to the slides PDF, not the handout');
  const out = resolve(options.out ?? join(options.dist, 'pdf', `${options.kind}.pdf`));
  const timings = options.timings ?? new Timings();
  const session = options.session ?? (await openExportSession(options.dist, progress, timings));
  const time = <T>(phase: string, work: () => Promise<T>) => timings.time(`${options.kind}: ${phase}`, work);
  let page: PrintPage | undefined;
  try {
    progress(`${options.kind}: laying out pages`);
    page = await time('open (until DOMContentLoaded)', () =>
      session.browser.open(viewUrl(session.baseUrl, options)),
    );
    const shown = await time('lay out until data-pdf-ready', () =>
      page!.evaluate(whenPrintReady, READY_TIMEOUT_MS).catch((error: unknown) => {
        const detail = page!.errors.length > 0 ? `; the page reported: ${page!.errors.join('; ')}` : '';
        throw new ExportError(
          `the deck's ${options.kind} view never became ready${detail} (${String(error)})`,
        );
      }),
    );
    if (shown.problems.length > 0) {
      throw new ExportError(
        shown.problems.map((p) => (p.source ? `${p.source}: ${p.message}` : p.message)).join('\n'),
      );
    }
    const info = documentInfo(shown);
    progress(`${options.kind}: printing`);
    const pdf = await time('print (Page.printToPDF)', () => page!.pdf());
    const propertiesStart = performance.now();
    const { bytes, pages } = withDocumentInfo(pdf, info);
    timings.record(`${options.kind}: document properties`, propertiesStart);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    const result = {
      kind: options.kind,
      out,
      pages,
      bytes: bytes.length,
      ms: Math.round(performance.now() - started),
    };
    progress(
      `${options.kind}: wrote ${relative(process.cwd(), out) || out} (${pages} pages, ${Math.round(bytes.length / 1024)} KB) in ${(result.ms / 1000).toFixed(1)} s`,
    );
    return result;
  } finally {
    // A session of its own closes with its browser, tab and all.
    if (options.session) await page?.close().catch(() => {});
    else await timings.time('close browser and server', () => session.close());
  }
}

function checkRange(range: string | undefined): void {
  const problem = rangeProblem(range);
  if (problem) throw new ExportError(problem);
}

/** Why `range` is not a slide range, or undefined when it is one or not given. */
function rangeProblem(range: string | undefined): string | undefined {
  return range === undefined || /^\s*\d+\s*(-\s*\d+\s*)?$/.test(range)
    ? undefined
    : `--range must be a slide number or two like 3-7, not "${range}"`;
}

/** Writes the slides PDF and the handout PDF side by side, with one browser. */
export async function exportBoth(
  options: Omit<ExportOptions, 'kind' | 'out' | 'session'>,
): Promise<ExportResult[]> {
  checkRange(options.range);
  const timings = options.timings ?? new Timings();
  const session = await openExportSession(options.dist, options.onProgress, timings);
  try {
    return await Promise.all([
      exportPdf({ ...options, kind: 'slides', session }),
      exportPdf({ ...options, steps: false, kind: 'handout', session }),
    ]);
  } finally {
    await timings.time('close browser and server', () => session.close());
  }
}

/** Serves `dist` on 127.0.0.1 and starts Chromium, found the same way as for the tests. */
export async function openExportSession(
  dist: string,
  progress: (message: string) => void = () => {},
  timings = new Timings(),
): Promise<ExportSession> {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html')))
    throw new ExportError(`${dist} has no built deck (index.html): run \`npm run build\` first`);
  const server = await timings.time('static server', () => serveBuiltDeck(root));
  try {
    progress('starting Chromium');
    const browser = await timings.time('Chromium launch', () => launchPrintBrowser());
    return {
      browser,
      baseUrl: server.url,
      close: async () => {
        await browser.close().catch(() => {});
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

function viewUrl(baseUrl: string, options: ExportOptions): string {
  const url = new URL('index.html', baseUrl);
  url.searchParams.set('view', VIEWS[options.kind]);
  if (options.steps) url.searchParams.set('steps', '');
  if (options.range !== undefined) url.searchParams.set('range', options.range.replace(/\s/g, ''));
  return url.href;
}

/**
 * Serves the built deck in `dist` on a free port of 127.0.0.1, for one browser on this machine:
 * uncompressed, and with every font asked for with the page (see `preloadFonts`). Each export
 * session and the print-view tests run it.
 */
export function serveBuiltDeck(dist: string): Promise<StaticServer> {
  return serveStatic(dist, { compress: false, preloadFonts: true });
}

/** What the printable view published once ready: problems found, and the document's properties. */
interface ShownPages {
  problems: { source?: string; message: string }[];
  title: string;
  lang: string;
  meta: Record<string, string>;
}

/**
 * Runs in the page: resolves when the view sets `html[data-pdf-ready]`, with what it published.
 * Sent as source text, so it uses nothing outside itself.
 */
const whenPrintReady = (): Promise<ShownPages> =>
  new Promise((resolve) => {
    const root = document.documentElement;
    const publish = () =>
      resolve({
        problems: JSON.parse(root.dataset.pdfProblems ?? '[]') as ShownPages['problems'],
        title: document.title,
        lang: root.lang,
        meta: Object.fromEntries(
          [...document.querySelectorAll<HTMLMetaElement>('meta[name]')].map((m) => [m.name, m.content]),
        ),
      });
    if (root.dataset.pdfReady) return publish();
    new MutationObserver((_changes, observer) => {
      if (!root.dataset.pdfReady) return;
      observer.disconnect();
      publish();
    }).observe(root, { attributes: true, attributeFilter: ['data-pdf-ready'] });
  });

/** The document properties the deck page published (`<title>`, `<meta>`, `<html lang>`). */
function documentInfo(shown: ShownPages): DocumentInfo {
  const keywords = (shown.meta.keywords ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return {
    title: shown.title,
    author: shown.meta.author ?? '',
    subject: shown.meta.description ?? '',
    keywords,
    lang: shown.lang || 'zh-CN',
    creator: 'reveal.js print view, exported with Chromium (npm run export)',
  };
}

const CLI = {
  name: 'export',
  about: `Writes <dist>/pdf/slides.pdf (one 16:9 page per slide) and <dist>/pdf/handout.pdf (A4, each slide
with its speaker notes), building the deck first when a source is newer than the build. With --html,
writes the deck as one self-contained HTML file instead.`,
  options: {
    slides: { type: 'boolean', help: 'only the slides PDF (default: both PDFs)' },
    handout: { type: 'boolean', help: 'only the handout PDF' },
    steps: { type: 'boolean', help: 'slides PDF with one page per build step (default: one per slide)' },
    range: { type: 'string', value: '3-7', help: 'only these slides, 1-based: 3-7 or 5 (default: all)' },
    html: {
      type: 'boolean',
      help: 'instead of PDFs, the deck as one self-contained .html file (default: <dist>/export/<title>.html)',
    },
    dist: {
      type: 'string',
      value: 'dir',
      default: process.env.DECK_DIST ?? 'dist',
      help: 'the built deck, $DECK_DIST if set',
    },
    out: {
      type: 'string',
      value: 'file',
      help: 'where to write, with --slides, --handout or --html (default: <dist>/pdf/<kind>.pdf)',
    },
    'no-build': {
      type: 'boolean',
      help: 'export the deck in <dist> as it is, even if older than its sources',
    },
    timings: { type: 'boolean', help: 'print where the time went, phase by phase, on stderr' },
  },
} as const;

async function main(): Promise<void> {
  const timings = new Timings();
  timings.record('start-up: Node, launcher, modules', 0);
  const started = performance.now();
  const args = readArgs(CLI);
  const pdfOnly = (['slides', 'handout', 'steps', 'range'] as const).find((name) => args[name]);
  if (args.html && pdfOnly) usageError(CLI, `--${pdfOnly} is for the PDFs, not --html`);
  const kinds = (['slides', 'handout'] as const).filter((kind) => args[kind]);
  if (kinds.length === 0)
    kinds.push(...(args.steps ? (['slides'] as const) : (['slides', 'handout'] as const)));
  // Mistakes in the command line are reported before a build that could take a while.
  if (args.out !== undefined && kinds.length > 1 && !args.html)
    usageError(CLI, '--out names one file: add --slides or --handout');
  if (args.steps && !kinds.includes('slides'))
    usageError(CLI, '--steps applies to the slides PDF, not the handout');
  const problem = rangeProblem(args.range);
  if (problem) usageError(CLI, problem);
  const progress = (message: string) => console.error(`export: ${message}`);
  const slides = resolve(PROJECT_ROOT, process.env.DECK_SLIDES ?? 'slides');
  if (!args['no-build'])
    await timings.time('up-to-date check (and build)', () =>
      ensureBuilt({ slides, dist: args.dist }, progress),
    );
  const common = {
    dist: args.dist,
    steps: args.steps,
    onProgress: progress,
    timings,
    ...(args.range !== undefined ? { range: args.range } : {}),
  };
  if (args.html) {
    // Imported only here: its HTML parser takes longer to load than the PDF export takes to start.
    const { exportHtml } = await import('./export-html.js');
    exportHtml({ dist: args.dist, onProgress: progress, ...(args.out ? { out: args.out } : {}) });
  } else if (kinds.length === 2) await exportBoth(common);
  else await exportPdf({ ...common, kind: kinds[0]!, ...(args.out !== undefined ? { out: args.out } : {}) });
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.timings) console.error(timings.format('export timings'));
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    const known =
      error instanceof ExportError ||
      error instanceof BuildError ||
      error instanceof NoBrowserError ||
      error instanceof InlineError;
    console.error(known ? `export failed: ${error.message}` : error);
    process.exit(1);
  });
}
