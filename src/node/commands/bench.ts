// `npm run bench`: builds the deck, a generated 200-slide deck and a plain reveal.js project of
// the same slides, then measures build time, output bytes, cold loads in headless Chromium, key
// presses and the slides PDF export, prints a Markdown table, writes bench/results/latest.json,
// and exits 1 when a budget fails.
//
//   npm run bench -- [--runs 5] [--builds 3] [--large 200] [--pdf-runs 1] [--no-baseline] [--no-pdf] [--out file.json]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { isMainModule, readArgs, wholeNumber } from '../cli/args.js';
import { NoBrowserError, findChromium, launchChromium } from '../cli/chromium.js';
import { serveStatic } from '../cli/static-server.js';
import { summarize, type Stats } from '../cli/stats.js';
import { BuildError, timedViteBuild } from '../cli/vite-build.js';
import { PROJECT_ROOT } from '../project-path.js';
import { coldLoad, walkDeck, type LoadSample, type StepSample, type WalkOptions } from './bench-browser.js';
import { generateLargeDeck, outputBytes, writeBaselineProject, type OutputBytes } from './bench-decks.js';
import {
  formatRemoteTaps,
  measureRemoteTaps,
  remoteTapFailures,
  type RemoteTapResult,
} from './bench-remote.js';
import { exportPdf } from './export-pdf.js';

const KIB = 1024;
const LARGE_WALK_STEPS = 100;

/** The budgets the benchmark enforces (its exit code), for the talk's own deck. */
export const BUDGETS = {
  /** Bytes on the wire before the title shows in its font: HTML, JS, CSS, the first slides' glyphs. */
  firstViewKiB: 250,
  /** Every file of the built deck, uncompressed, as it sits on disk or a USB stick. */
  deckKiB: 800,
  /**
   * Key press to the first animation frame in which the next slide is `present` (or the next
   * build step `visible`): one frame at 60 Hz. The table also shows when that frame was painted.
   */
  keyMedianMs: 16,
};

export interface BenchOptions {
  /** Cold loads per deck (medians reported). */
  runs: number;
  /** Warm builds per deck (median reported); the talk also gets one build with an empty font cache. */
  builds: number;
  /** Slides in the generated deck. */
  large: number;
  /** Slides PDF exports per deck (median reported), each starting its own browser. */
  pdfRuns: number;
  baseline: boolean;
  pdf: boolean;
  /** Phone taps through the relay (`npm run present -- --remote`), timed to the audience screen. */
  remoteTaps: number;
  out: string;
}

export interface DeckResult {
  name: string;
  slides: number;
  build: { coldMs?: number; warm: Stats };
  bytes: OutputBytes;
  load: {
    runs: number;
    fcpMs: Stats | null;
    readyMs: Stats;
    titleMs: Stats;
    firstViewBytes: Stats;
    firstViewRequests: Stats;
    allBytes: Stats;
    allRequests: Stats;
    samples: LoadSample[];
  };
  keys?: {
    walk: string;
    slide: { frameMs: Stats; paintMs: Stats } | null;
    fragment: { frameMs: Stats; paintMs: Stats } | null;
    all: { frameMs: Stats; paintMs: Stats };
  };
  pdf?: { ms: Stats; pages: number; bytes: number };
}

export interface BenchResult {
  date: string;
  /** `loadAverage`: the 1-minute load when the run started; timings on a busy machine are slower. */
  machine: { cpus: number; loadAverage: number; node: string; chromium: string };
  options: BenchOptions;
  budgets: typeof BUDGETS;
  decks: DeckResult[];
  remote: RemoteTapResult;
  failures: string[];
}

/** Runs the whole benchmark and returns the results; `npm run bench` prints and saves them. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const temp = mkdtempSync(join(tmpdir(), 'deck-bench-'));
  const loadAverage = loadavg()[0]!;
  const log = (message: string) => console.error(`bench: ${message}`);
  let browser: Browser | undefined;
  try {
    const slides = join(PROJECT_ROOT, 'slides');
    const largeSlides = join(temp, `slides-${options.large}`);
    generateLargeDeck(slides, largeSlides, options.large);
    const fontCache = join(temp, 'font-cache');

    log('building the talk (first with an empty font cache)');
    const talkDist = join(temp, 'dist-talk');
    const talkBuild = { slides, dist: talkDist, fontCache };
    const coldMs = timedViteBuild(talkBuild);
    const talkBuilds = repeat(options.builds, () => timedViteBuild(talkBuild));

    log(`building the ${options.large}-slide deck`);
    const largeDist = join(temp, 'dist-large');
    const largeBuild = { slides: largeSlides, dist: largeDist, fontCache };
    timedViteBuild(largeBuild); // the first build loads the font once into the shared cache
    const largeBuilds = repeat(options.builds, () => timedViteBuild(largeBuild));

    let baselineBuilds: number[] = [];
    const baselineDir = join(temp, 'plain-reveal');
    const baselineDist = join(temp, 'dist-plain-reveal');
    if (options.baseline) {
      log('building plain reveal.js with the same slides');
      writeBaselineProject(slides, baselineDir, join(PROJECT_ROOT, 'node_modules'));
      baselineBuilds = repeat(options.builds, () =>
        timedViteBuild({ root: baselineDir, dist: baselineDist }),
      );
    }

    browser = await launchChromium();

    const decks: DeckResult[] = [];
    const measure = async (
      name: string,
      dist: string,
      builds: number[],
      walk: WalkOptions,
      extra: Partial<DeckResult> = {},
    ) => {
      log(`${name}: ${options.runs} cold loads and a walk with the arrow keys`);
      const server = await serveStatic(dist);
      try {
        await coldLoad(browser!, server.url); // warm-up: the browser's own first-use costs are not the deck's
        const loads: LoadSample[] = [];
        for (let i = 0; i < options.runs; i++) loads.push(await coldLoad(browser!, server.url));
        const result: DeckResult = {
          name,
          slides: 0,
          build: { warm: summarize(builds) },
          bytes: outputBytes(dist),
          load: loadStats(loads),
          ...extra,
        };
        const { slides, samples } = await walkDeck(browser!, server.url, walk);
        result.slides = slides;
        const forward = walk.maxSteps ? `the first ${walk.maxSteps} steps` : 'to the end';
        result.keys = keyStats(samples, walk.back ? `forward ${forward} and back` : `forward ${forward}`);
        decks.push(result);
        return result;
      } finally {
        await server.close();
      }
    };

    const talk = await measure(
      'talk',
      talkDist,
      talkBuilds,
      { back: true, settleMs: 800 },
      { build: { coldMs, warm: summarize(talkBuilds) } },
    );
    // A sample of the long deck: a key press costs the same anywhere in it, and the whole walk would take minutes.
    const large = await measure(`${options.large} slides`, largeDist, largeBuilds, {
      back: false,
      settleMs: 800,
      maxSteps: LARGE_WALK_STEPS,
    });
    if (options.baseline)
      await measure('plain reveal.js', baselineDist, baselineBuilds, { back: false, settleMs: 1200 });

    log(`talk: ${options.remoteTaps} phone taps through the relay`);
    const remote = await measureRemoteTaps(browser, talkDist, slides, options.remoteTaps);

    if (options.pdf) {
      await browser.close();
      browser = undefined;
      for (const [deck, dist] of [
        [talk, talkDist],
        [large, largeDist],
      ] as const) {
        log(`${deck.name}: ${options.pdfRuns} slides PDF export(s)`);
        deck.pdf = await timePdf(dist, join(temp, `${deck.name.replace(/\W+/g, '-')}.pdf`), options.pdfRuns);
      }
    }

    const result: BenchResult = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        loadAverage,
        node: process.version,
        chromium: findChromium() ?? "Playwright's own",
      },
      options,
      budgets: BUDGETS,
      decks,
      remote,
      failures: [...checkBudgets(talk), ...remoteTapFailures(remote)],
    };
    return result;
  } finally {
    await browser?.close().catch(() => {});
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The budgets `deck` misses, one line each ([] when all pass). */
export function checkBudgets(deck: DeckResult): string[] {
  const failures: string[] = [];
  const firstView = deck.load.firstViewBytes.median / KIB;
  if (firstView > BUDGETS.firstViewKiB)
    failures.push(`first view ${firstView.toFixed(1)} KiB > ${BUDGETS.firstViewKiB} KiB`);
  const total = deck.bytes.total.raw / KIB;
  if (total > BUDGETS.deckKiB) failures.push(`built deck ${total.toFixed(1)} KiB > ${BUDGETS.deckKiB} KiB`);
  const key = deck.keys?.all.frameMs.median;
  if (key === undefined) failures.push('key press: not measured');
  else if (key > BUDGETS.keyMedianMs)
    failures.push(
      `key press to the frame showing the next slide ${key.toFixed(1)} ms median > ${BUDGETS.keyMedianMs} ms`,
    );
  return failures;
}

/** Exports the slides PDF of `dist` `runs` times, each with its own browser as `npm run export` starts one. */
async function timePdf(dist: string, out: string, runs: number): Promise<DeckResult['pdf']> {
  const times: number[] = [];
  let result = { pages: 0, bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await exportPdf({ dist, kind: 'slides', out });
    times.push(performance.now() - started);
  }
  return { ms: summarize(times), pages: result.pages, bytes: result.bytes };
}

function repeat(times: number, run: () => number): number[] {
  return Array.from({ length: times }, run);
}

function loadStats(loads: LoadSample[]): DeckResult['load'] {
  const fcps = loads.map((l) => l.fcpMs).filter((v) => v !== null);
  return {
    runs: loads.length,
    fcpMs: fcps.length > 0 ? summarize(fcps) : null,
    readyMs: summarize(loads.map((l) => l.readyMs)),
    titleMs: summarize(loads.map((l) => l.titleMs)),
    firstViewBytes: summarize(loads.map((l) => l.firstView.bytes)),
    firstViewRequests: summarize(loads.map((l) => l.firstView.requests)),
    allBytes: summarize(loads.map((l) => l.all.bytes)),
    allRequests: summarize(loads.map((l) => l.all.requests)),
    samples: loads,
  };
}

function keyStats(samples: StepSample[], walk: string): DeckResult['keys'] {
  const of = (list: StepSample[]) =>
    list.length > 0
      ? { frameMs: summarize(list.map((s) => s.frameMs)), paintMs: summarize(list.map((s) => s.paintMs)) }
      : null;
  const all = of(samples);
  return all
    ? {
        walk,
        slide: of(samples.filter((s) => s.kind === 'slide')),
        fragment: of(samples.filter((s) => s.kind === 'fragment')),
        all,
      }
    : undefined;
}

/** The results as a Markdown table, one column per deck. */
export function formatTable(result: BenchResult): string {
  const decks = result.decks;
  const kib = (n: number) => `${(n / KIB).toFixed(1)} KiB`;
  const ms = (n: number | undefined) =>
    n === undefined || Number.isNaN(n)
      ? 'n/a'
      : n >= 1000
        ? `${(n / 1000).toFixed(2)} s`
        : `${n.toFixed(n < 20 ? 1 : 0)} ms`;
  const bytesRow = (kind: keyof OutputBytes) =>
    decks.map((d) => `${kib(d.bytes[kind].raw)} / ${kib(d.bytes[kind].gzip)} (${d.bytes[kind].files})`);
  const keyRow = (
    pick: (k: NonNullable<DeckResult['keys']>) => { frameMs: Stats; paintMs: Stats } | null,
    metric: 'frameMs' | 'paintMs',
  ) =>
    decks.map((d) => {
      const k = d.keys && pick(d.keys);
      return k ? `${ms(k[metric].median)} / ${ms(k[metric].p95)} (n=${k[metric].n})` : 'n/a';
    });
  const baseline = decks.find((d) => d.name === 'plain reveal.js');
  const talk = decks[0]!;
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');
  const rows: [string, ...string[]][] = [
    ['Slides', ...decks.map((d) => String(d.slides))],
    [
      `Build, font cache warm (median of ${result.options.builds})`,
      ...decks.map((d) => ms(d.build.warm.median)),
    ],
    ['Build, empty font cache (1 run)', ...decks.map((d) => ms(d.build.coldMs))],
    ['JS raw / gzip (files)', ...bytesRow('js')],
    ['CSS raw / gzip (files)', ...bytesRow('css')],
    ['Fonts raw / sent (files)', ...bytesRow('fonts')],
    ['Other raw / gzip (files)', ...bytesRow('other')],
    ['**Whole built deck** raw / gzip (files)', ...bytesRow('total')],
    [
      `First contentful paint (median of ${result.options.runs} cold loads)`,
      ...decks.map((d) => ms(d.load.fcpMs?.median)),
    ],
    [
      `**Title visible with fonts ready** (median of ${result.options.runs})`,
      ...decks.map((d) => ms(d.load.titleMs.median)),
    ],
    [
      `**First view transferred** (median of ${result.options.runs})`,
      ...decks.map(
        (d) => `${kib(d.load.firstViewBytes.median)} in ${d.load.firstViewRequests.median} requests`,
      ),
    ],
    [
      'Everything loaded, network quiet',
      ...decks.map((d) => `${kib(d.load.allBytes.median)} in ${d.load.allRequests.median} requests`),
    ],
    ['Key walk', ...decks.map((d) => d.keys?.walk ?? 'n/a')],
    ['**Key → first frame with the next slide or step**, median / p95', ...keyRow((k) => k.all, 'frameMs')],
    ['… slide changes only', ...keyRow((k) => k.slide, 'frameMs')],
    ['… build steps only', ...keyRow((k) => k.fragment, 'frameMs')],
    ['Key → that frame painted, median / p95', ...keyRow((k) => k.all, 'paintMs')],
    [
      `PDF export, slides (median of ${result.options.pdfRuns}, Chromium start included)`,
      ...decks.map((d) => (d.pdf ? `${ms(d.pdf.ms.median)} (${d.pdf.pages} pages)` : 'n/a')),
    ],
  ];
  const lines = [
    `| | ${decks.map((d) => d.name).join(' | ')} |`,
    `|---|${decks.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  if (baseline) {
    lines.push(
      '',
      `Talk vs plain reveal.js, same run: build ${ratio(talk.build.warm.median, baseline.build.warm.median)}, title with fonts ${ratio(talk.load.titleMs.median, baseline.load.titleMs.median)}, first view ${ratio(talk.load.firstViewBytes.median, baseline.load.firstViewBytes.median)} the bytes.`,
    );
  }
  const { machine } = result;
  lines.push(
    '',
    formatRemoteTaps(result.remote),
    '',
    `${machine.cpus} CPUs, load average ${machine.loadAverage.toFixed(1)} at the start, Node ${machine.node}, ${machine.chromium}.`,
    '',
    `Budgets (talk): first view ≤ ${BUDGETS.firstViewKiB} KiB, whole deck ≤ ${BUDGETS.deckKiB} KiB raw, key → frame ≤ ${BUDGETS.keyMedianMs} ms median: ${
      result.failures.length === 0 ? 'all pass' : `FAILED: ${result.failures.join('; ')}`
    }`,
  );
  return lines.join('\n');
}

const CLI = {
  name: 'bench',
  about: `Builds the talk, a generated deck made from its slides and a plain reveal.js project of the
same slides in a temporary folder; measures build time, output bytes, cold loads and key presses in
headless Chromium, and the slides PDF export; prints a Markdown table, writes the results as JSON,
and exits 1 when the talk misses a budget.`,
  options: {
    runs: { type: 'string', value: 'n', default: '5', help: 'cold loads per deck' },
    builds: { type: 'string', value: 'n', default: '3', help: 'warm builds per deck' },
    large: { type: 'string', value: 'n', default: '200', help: 'slides in the generated deck' },
    'pdf-runs': { type: 'string', value: 'n', default: '1', help: 'slides PDF exports per deck' },
    'remote-taps': {
      type: 'string',
      value: 'n',
      default: '60',
      help: 'phone taps through the relay, timed to the audience screen',
    },
    'no-baseline': { type: 'boolean', help: 'skip the plain reveal.js project (default: measure it)' },
    'no-pdf': {
      type: 'boolean',
      help: 'skip the PDF export (default: time it for the talk and the generated deck)',
    },
    out: {
      type: 'string',
      value: 'file.json',
      default: 'bench/results/latest.json',
      help: 'where to write the results, relative to the project folder',
    },
  },
} as const;

async function main(): Promise<void> {
  const started = performance.now();
  const args = readArgs(CLI);
  const options: BenchOptions = {
    runs: wholeNumber(CLI, 'runs', args.runs),
    builds: wholeNumber(CLI, 'builds', args.builds),
    large: wholeNumber(CLI, 'large', args.large),
    pdfRuns: wholeNumber(CLI, 'pdf-runs', args['pdf-runs']),
    baseline: !args['no-baseline'],
    pdf: !args['no-pdf'],
    remoteTaps: wholeNumber(CLI, 'remote-taps', args['remote-taps']),
    out: resolve(PROJECT_ROOT, args.out),
  };
  const result = await runBench(options);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(formatTable(result));
  console.error(
    `bench: wrote ${relative(process.cwd(), options.out)} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.failures.length > 0) {
    console.error(`bench: budget failed:\n  ${result.failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    const known = error instanceof BuildError || error instanceof NoBrowserError;
    console.error(known ? `bench failed: ${error.message}` : error);
    process.exit(2);
  });
}
