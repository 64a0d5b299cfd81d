// `npm run bench`: builds the talk, generated decks of 200 and 1,000 slides made from its slides,
// a plain reveal.js project of the same slides and the same talk in Marp (the yardstick), then
// measures build time, output bytes, cold loads in headless Chromium, key presses, opening the
// overview and the slides PDF export as a whole process; prints a Markdown table, writes
// bench/results/latest.json, and exits 1 when a budget fails.
//
//   npm run bench -- [--runs 5] [--builds 3] [--large 200,1000] [--pdf-runs 3] [--large-pdf-runs 1]
//                    [--large-steps 100] [--overview-runs 3] [--no-baseline] [--no-marp] [--no-pdf]
//                    [--remote-taps 60] [--out file.json]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { isMainModule, readArgs, usageError, wholeNumber } from '../cli/args.js';
import { NoBrowserError, findChromium, launchChromium } from '../cli/chromium.js';
import { serveStatic, type StaticServer } from '../cli/static-server.js';
import { summarize } from '../cli/stats.js';
import { BuildError, timedViteBuild } from '../cli/vite-build.js';
import { PROJECT_ROOT } from '../project-path.js';
import { ALL_BUDGETS, largeFailures, talkFailures, versusFailures } from './bench-budgets.js';
import {
  coldLoad,
  openOverview,
  walkDeck,
  type DeckKind,
  type LoadSample,
  type WalkOptions,
} from './bench-browser.js';
import { generateLargeDeck, outputBytes, readSlides, writeBaselineProject } from './bench-decks.js';
import { buildMarpHtml, firstHeading, timeMarpPdf, writeMarpDeck } from './bench-marp.js';
import { parseTimings, timeOurPdf } from './bench-process.js';
import { measureRemoteTaps, remoteTapFailures } from './bench-remote.js';
import {
  keyStats,
  loadStats,
  medianPhases,
  type BenchOptions,
  type BenchResult,
  type DeckResult,
  type PdfStats,
  versus,
} from './bench-result.js';
import { formatTable } from './bench-table.js';

const KIB = 1024;
const SETTLE_MS = 800;

/** A deck to measure: where it is built, how to recognise its title, how to walk it. */
interface DeckPlan {
  name: string;
  kind: DeckKind;
  dist: string;
  title: string;
  build: DeckResult['build'];
  walk: WalkOptions;
  overview: boolean;
}

/** Runs the whole benchmark and returns the results; `npm run bench` prints and saves them. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const temp = mkdtempSync(join(tmpdir(), 'deck-bench-'));
  const loadAverage = loadavg()[0]!;
  const log = (message: string) => console.error(`bench: ${message}`);
  let browser: Browser | undefined;
  try {
    const slides = join(PROJECT_ROOT, 'slides');
    const title = firstHeading(readSlides(slides)[0]?.body ?? '');
    if (!title) throw new Error('the first slide has no # or ## heading for the cold loads to wait for');
    const fontCache = join(temp, 'font-cache');
    const plans: DeckPlan[] = [];

    log('building the talk (first with an empty font cache)');
    const talkDist = join(temp, 'dist-talk');
    const talkBuild = { slides, dist: talkDist, fontCache };
    const coldMs = timedViteBuild(talkBuild);
    plans.push({
      name: 'talk',
      kind: 'reveal',
      dist: talkDist,
      title,
      build: { coldMs, warm: summarize(repeat(options.builds, () => timedViteBuild(talkBuild))) },
      walk: { kind: 'reveal', back: true, settleMs: SETTLE_MS },
      overview: true,
    });

    for (const count of options.large) {
      log(`building the ${count}-slide deck`);
      const largeSlides = join(temp, `slides-${count}`);
      generateLargeDeck(slides, largeSlides, count);
      const dist = join(temp, `dist-${count}`);
      const build = { slides: largeSlides, dist, fontCache };
      timedViteBuild(build); // the first build of these slides fills Vite's and the font's caches
      plans.push({
        name: `${count} slides`,
        kind: 'reveal',
        dist,
        title,
        build: { warm: summarize(repeat(options.builds, () => timedViteBuild(build))) },
        // A sample of the long deck: the whole walk would take minutes.
        walk: {
          kind: 'reveal',
          back: false,
          settleMs: SETTLE_MS,
          maxSteps: options.largeSteps,
        },
        overview: true,
      });
    }

    const marp = options.marp ? writeMarpDeck(slides, join(temp, 'marp')) : undefined;
    if (marp) {
      log('building the talk with Marp (marp-cli, bespoke HTML)');
      const builds: number[] = [];
      for (let i = 0; i < options.builds; i++) builds.push(await buildMarpHtml(marp));
      plans.push({
        name: 'Marp',
        kind: 'marp',
        dist: marp.site,
        title: marp.title,
        build: { warm: summarize(builds) },
        walk: { kind: 'marp', back: true, settleMs: SETTLE_MS },
        overview: false,
      });
    }

    if (options.baseline) {
      log('building plain reveal.js with the same slides');
      const dir = join(temp, 'plain-reveal');
      const dist = join(temp, 'dist-plain-reveal');
      writeBaselineProject(slides, dir, join(PROJECT_ROOT, 'node_modules'));
      plans.push({
        name: 'plain reveal.js',
        kind: 'reveal',
        dist,
        title,
        build: { warm: summarize(repeat(options.builds, () => timedViteBuild({ root: dir, dist }))) },
        walk: { kind: 'reveal', back: false, settleMs: 1200 },
        overview: false,
      });
    }

    browser = await launchChromium();
    const servers = new Map<DeckPlan, StaticServer>();
    for (const plan of plans) servers.set(plan, await serveStatic(plan.dist));
    const decks: DeckResult[] = [];
    try {
      // Cold loads: the talk and Marp alternate, so a burst of load on the machine hits both alike.
      log(`${options.runs} cold loads per deck (talk and Marp alternating)`);
      const loads = new Map<DeckPlan, LoadSample[]>(plans.map((p) => [p, []]));
      const load = async (plan: DeckPlan) =>
        loads.get(plan)!.push(await coldLoad(browser!, servers.get(plan)!.url, plan.title));
      // Warm-up: the browser's own first-use costs are not the deck's.
      for (const plan of plans) await coldLoad(browser, servers.get(plan)!.url, plan.title);
      loads.forEach((list) => (list.length = 0));
      const paired = plans.filter((p) => p.name === 'talk' || p.kind === 'marp');
      for (let i = 0; i < options.runs; i++) for (const plan of paired) await load(plan);
      for (const plan of plans.filter((p) => !paired.includes(p)))
        for (let i = 0; i < options.runs; i++) await load(plan);

      for (const plan of plans) {
        const url = servers.get(plan)!.url;
        const forward = plan.walk.maxSteps ? `the first ${plan.walk.maxSteps} steps` : 'to the end';
        log(`${plan.name}: walk with the arrow keys (${forward}${plan.walk.back ? ' and back' : ''})`);
        const walk = await walkDeck(browser, url, plan.walk);
        const deck: DeckResult = {
          name: plan.name,
          kind: plan.kind,
          slides: walk.slides,
          build: plan.build,
          bytes: outputBytes(plan.dist),
          load: loadStats(loads.get(plan)!),
        };
        const keys = keyStats(walk.samples, `forward ${forward}${plan.walk.back ? ' and back' : ''}`);
        if (keys) deck.keys = keys;
        if (plan.overview && options.overviewRuns > 0) {
          log(`${plan.name}: opening the overview ${options.overviewRuns} times`);
          deck.overviewMs = summarize(await openOverview(browser, url, options.overviewRuns));
        }
        decks.push(deck);
      }
    } finally {
      for (const server of servers.values()) await server.close();
    }

    log(`talk: ${options.remoteTaps} phone taps through the relay`);
    const remote = await measureRemoteTaps(browser, talkDist, slides, options.remoteTaps);
    await browser.close();
    browser = undefined;

    if (options.pdf) {
      const talk = decks.find((d) => d.name === 'talk')!;
      const marpDeck = decks.find((d) => d.kind === 'marp');
      const ours: number[] = [];
      const phases: Record<string, number>[] = [];
      const marps: number[] = [];
      let pages: number | undefined;
      log(
        `slides PDF, whole process: ${options.pdfRuns} × ours${marp ? ' and marp --pdf, alternating' : ''}`,
      );
      for (let i = 0; i < options.pdfRuns; i++) {
        const run = await timeOurPdf(talkDist, join(temp, 'talk.pdf'));
        ours.push(run.ms);
        phases.push(parseTimings(run.stderr));
        pages = pdfPages(run.stderr);
        if (marp) marps.push(await timeMarpPdf(marp, join(temp, 'marp.pdf')));
      }
      talk.pdf = { ms: summarize(ours), phases: medianPhases(phases), ...(pages ? { pages } : {}) };
      if (marpDeck) marpDeck.pdf = { ms: summarize(marps), pages: marpDeck.slides };
      for (const plan of plans.filter((p) => p.name.endsWith(' slides'))) {
        log(`${plan.name}: ${options.largePdfRuns} slides PDF export(s), whole process`);
        decks.find((d) => d.name === plan.name)!.pdf = await timeOurPdfRuns(
          plan.dist,
          join(temp, `${plan.name.replace(/\W+/g, '-')}.pdf`),
          options.largePdfRuns,
        );
      }
    }

    return {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        loadAverage,
        loadAverageEnd: loadavg()[0]!,
        node: process.version,
        chromium: findChromium() ?? "Playwright's own",
      },
      options,
      budgets: ALL_BUDGETS,
      decks,
      remote,
      failures: checkBudgets(decks, remote),
    };
  } finally {
    await browser?.close().catch(() => {});
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Every budget missed, one line each ([] when all pass). */
export function checkBudgets(decks: DeckResult[], remote: BenchResult['remote']): string[] {
  const talk = decks.find((d) => d.name === 'talk');
  const marp = decks.find((d) => d.kind === 'marp');
  const failures: string[] = [];
  if (talk) {
    failures.push(
      ...talkFailures({
        firstViewKiB: talk.load.firstViewBytes.median / KIB,
        firstViewRequests: talk.load.firstViewRequests.median,
        deckKiB: talk.bytes.total.raw / KIB,
        ...(talk.keys ? { keyMs: talk.keys.all.frameMs.median } : {}),
      }),
    );
    if (marp) failures.push(...versusFailures(versus(talk, marp)));
  }
  for (const deck of decks.filter((d) => d.name.endsWith(' slides')))
    failures.push(
      ...largeFailures({
        slides: deck.slides,
        buildMs: deck.build.warm.median,
        ...(deck.keys?.slide ? { keyMs: deck.keys.slide.frameMs.median } : {}),
        ...(deck.overviewMs ? { overviewMs: deck.overviewMs.median } : {}),
        ...(deck.pdf ? { pdfMs: deck.pdf.ms.median } : {}),
      }),
    );
  return [...failures, ...remoteTapFailures(remote)];
}

/** Our slides PDF export of `dist`, `runs` times as a whole process each. */
async function timeOurPdfRuns(dist: string, out: string, runs: number): Promise<PdfStats> {
  const times: number[] = [];
  const phases: Record<string, number>[] = [];
  let pages: number | undefined;
  for (let i = 0; i < runs; i++) {
    const run = await timeOurPdf(dist, out);
    times.push(run.ms);
    phases.push(parseTimings(run.stderr));
    pages = pdfPages(run.stderr);
  }
  return { ms: summarize(times), phases: medianPhases(phases), ...(pages ? { pages } : {}) };
}

/** The page count `npm run export` reports ("wrote … (16 pages, 445 KB)"). */
function pdfPages(stderr: string): number | undefined {
  const match = /\((\d+) pages?, /.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

function repeat(times: number, run: () => number): number[] {
  return Array.from({ length: times }, run);
}

/** `--large 200,1000`: slide counts, each a whole number ≥ 1. */
function slideCounts(value: string): number[] {
  const counts = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(Number);
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n < 1))
    usageError(CLI, `--large takes slide counts like 200,1000, not "${value}"`);
  return counts;
}

const CLI = {
  name: 'bench',
  about: `Builds the talk, generated decks made from its slides, a plain reveal.js project and a Marp
deck of the same slides in a temporary folder; measures build time, output bytes, cold loads, key
presses and opening the overview in headless Chromium, and the slides PDF export as a whole process
(ours and marp --pdf, alternating); prints a Markdown table, writes the results as JSON, and exits 1
when a budget fails.`,
  options: {
    runs: { type: 'string', value: 'n', default: '5', help: 'cold loads per deck' },
    builds: { type: 'string', value: 'n', default: '3', help: 'warm builds per deck' },
    large: {
      type: 'string',
      value: 'n,n',
      default: '200,1000',
      help: 'slides in each generated deck',
    },
    'pdf-runs': {
      type: 'string',
      value: 'n',
      default: '3',
      help: "the talk's slides PDF exports, each alternating with marp --pdf",
    },
    'large-pdf-runs': {
      type: 'string',
      value: 'n',
      default: '1',
      help: 'slides PDF exports per generated deck',
    },
    'large-steps': {
      type: 'string',
      value: 'n',
      default: '100',
      help: 'key presses forward through each generated deck',
    },
    'overview-runs': {
      type: 'string',
      value: 'n',
      default: '3',
      help: 'overview openings per deck of ours',
    },
    'remote-taps': {
      type: 'string',
      value: 'n',
      default: '60',
      help: 'phone taps through the relay, timed to the audience screen',
    },
    'no-baseline': { type: 'boolean', help: 'skip the plain reveal.js project (default: measure it)' },
    'no-marp': {
      type: 'boolean',
      help: 'skip the Marp deck and the budgets against it (default: measure it)',
    },
    'no-pdf': {
      type: 'boolean',
      help: 'skip the PDF exports (default: time them for every deck and for Marp)',
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
    large: slideCounts(args.large),
    pdfRuns: wholeNumber(CLI, 'pdf-runs', args['pdf-runs']),
    largePdfRuns: wholeNumber(CLI, 'large-pdf-runs', args['large-pdf-runs']),
    largeSteps: wholeNumber(CLI, 'large-steps', args['large-steps']),
    overviewRuns: wholeNumber(CLI, 'overview-runs', args['overview-runs']),
    baseline: !args['no-baseline'],
    marp: !args['no-marp'],
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
