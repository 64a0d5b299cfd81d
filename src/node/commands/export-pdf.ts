// `npm run export`: the slides PDF and the speaker handout PDF of the built deck, with the deck's
// own font embedded, an outline, tags and document properties. Chromium prints the deck's own
// printable views (`?view=print`, `?view=handout`), exactly what a person printing from the
// browser gets, once they set `html[data-pdf-ready]`.
//
//   npm run export -- [--slides | --handout] [--steps] [--range 3-7] [--dist dir] [--out file.pdf] [--no-build]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { isMainModule, readArgs, usageError } from '../cli/args.js';
import { NoBrowserError, launchChromium } from '../cli/chromium.js';
import { serveStatic, type StaticServer } from '../cli/static-server.js';
import { BuildError, ensureBuilt } from '../cli/vite-build.js';
import { PROJECT_ROOT } from '../project-path.js';
import { Timings } from '../cli/timings.js';

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
  browser: Browser;
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
  let page: Page | undefined;
  try {
    page = await time('new page', () => session.browser.newPage({ viewport: { width: 1280, height: 720 } }));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    progress(`${options.kind}: laying out pages`);
    await time('load', () => page!.goto(viewUrl(session.baseUrl, options)));
    await time('lay out until data-pdf-ready', () =>
      page!
        .locator('html[data-pdf-ready]')
        .waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS })
        .catch((error: unknown) => {
          const detail = errors.length > 0 ? `; the page reported: ${errors.join('; ')}` : '';
          throw new ExportError(
            `the deck's ${options.kind} view never became ready${detail} (${String(error)})`,
          );
        }),
    );
    const problems = await page.evaluate(
      () =>
        JSON.parse(document.documentElement.dataset.pdfProblems ?? '[]') as {
          source?: string;
          message: string;
        }[],
    );
    if (problems.length > 0) {
      throw new ExportError(
        problems.map((p) => (p.source ? `${p.source}: ${p.message}` : p.message)).join('\n'),
      );
    }
    const info = await documentInfo(page);
    progress(`${options.kind}: printing`);
    const pdf = await time('print (page.pdf)', () =>
      page!.pdf({
        tagged: true,
        outline: true,
        printBackground: true,
        preferCSSPageSize: true,
      }),
    );
    const { bytes, pages } = await time('document properties (pdf-lib)', () => withDocumentInfo(pdf, info));
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
    await page?.close().catch(() => {});
    if (!options.session) await timings.time('close browser and server', () => session.close());
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
    const browser = await timings.time('Chromium launch', () => launchChromium());
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

/** Serves the built deck in `dist` on a free port of 127.0.0.1; each export session and the print-view tests run it. */
export function serveBuiltDeck(dist: string): Promise<StaticServer> {
  return serveStatic(dist);
}

interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
}

/** The document properties the deck page published (`<title>`, `<meta>`, `<html lang>`). */
async function documentInfo(page: Page): Promise<DocumentInfo> {
  // No named functions inside: tsx's transform would wrap them in a helper the page does not have.
  const shown = await page.evaluate(() => ({
    title: document.title,
    lang: document.documentElement.lang,
    meta: Object.fromEntries(
      [...document.querySelectorAll<HTMLMetaElement>('meta[name]')].map((m) => [m.name, m.content]),
    ),
  }));
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
  };
}

/**
 * Sets the PDF's document properties and XMP metadata, and opens it with the outline showing.
 * Chromium writes only Title and the language; the outline and tag structure pass through untouched.
 */
async function withDocumentInfo(
  pdf: Buffer,
  info: DocumentInfo,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const { PDFDocument, PDFName } = await import('pdf-lib');
  // Infinity: parse and write in one go instead of yielding to the event loop every 50-100 objects.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces, and ours contain spaces.
  doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator('reveal.js print view, exported with Chromium (npm run export)');
  doc.setLanguage(info.lang);
  const { catalog, context } = doc;
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  // XMP is UTF-8; a string given to pdf-lib's stream() would be written as Latin-1.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(info, doc.getCreationDate() ?? new Date())), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));
  const bytes = await doc.save({
    useObjectStreams: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  return { bytes, pages: doc.getPageCount() };
}

/** XMP metadata (Dublin Core and PDF schemas), which PDF/UA readers take the title and language from. */
function xmpPacket(info: DocumentInfo, created: Date): string {
  const x = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${x(text)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${x(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>${alt(info.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>${x(info.lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${x(info.keywords.join(', '))}</pdf:Keywords>
<xmp:CreateDate>${created.toISOString()}</xmp:CreateDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

const CLI = {
  name: 'export',
  about: `Writes <dist>/pdf/slides.pdf (one 16:9 page per slide) and <dist>/pdf/handout.pdf (A4, each slide
with its speaker notes), building the deck first when a source is newer than the build.`,
  options: {
    slides: { type: 'boolean', help: 'only the slides PDF (default: both PDFs)' },
    handout: { type: 'boolean', help: 'only the handout PDF' },
    steps: { type: 'boolean', help: 'slides PDF with one page per build step (default: one per slide)' },
    range: { type: 'string', value: '3-7', help: 'only these slides, 1-based: 3-7 or 5 (default: all)' },
    dist: {
      type: 'string',
      value: 'dir',
      default: process.env.DECK_DIST ?? 'dist',
      help: 'the built deck, $DECK_DIST if set',
    },
    out: {
      type: 'string',
      value: 'file.pdf',
      help: 'where to write, with --slides or --handout (default: <dist>/pdf/<kind>.pdf)',
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
  timings.record('start-up: Node, TypeScript loader, modules', 0);
  const started = performance.now();
  const args = readArgs(CLI);
  const kinds = (['slides', 'handout'] as const).filter((kind) => args[kind]);
  if (kinds.length === 0)
    kinds.push(...(args.steps ? (['slides'] as const) : (['slides', 'handout'] as const)));
  // Mistakes in the command line are reported before a build that could take a while.
  if (args.out !== undefined && kinds.length > 1)
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
  if (kinds.length === 2) await exportBoth(common);
  else await exportPdf({ ...common, kind: kinds[0]!, ...(args.out !== undefined ? { out: args.out } : {}) });
  progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (args.timings) console.error(timings.format('export timings'));
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    const known =
      error instanceof ExportError || error instanceof BuildError || error instanceof NoBrowserError;
    console.error(known ? `export failed: ${error.message}` : error);
    process.exit(1);
  });
}
