// The shape of `npm run bench`'s results (bench/results/latest.json) and the summaries that turn
// raw samples into it.
import { summarize, type Stats } from '../cli/stats.js';
import type { ALL_BUDGETS, VersusFigures } from './bench-budgets.js';
import type { DeckKind, LoadSample, StepSample } from './bench-browser.js';
import type { OutputBytes } from './bench-decks.js';
import type { RemoteTapResult } from './bench-remote.js';

export interface BenchOptions {
  /** Cold loads per deck (medians reported); the talk's and Marp's alternate. */
  runs: number;
  /** Warm builds per deck (median reported); the talk also gets one build with an empty font cache. */
  builds: number;
  /** Slides in each generated deck. */
  large: number[];
  /** Whole-process slides PDF exports of the talk, alternating with `marp --pdf` (medians reported). */
  pdfRuns: number;
  /** Whole-process slides PDF exports of each generated deck. */
  largePdfRuns: number;
  /** Key presses forward through each generated deck (a sample: a press costs the same anywhere). */
  largeSteps: number;
  /** Overview openings (`o`) per deck of ours. */
  overviewRuns: number;
  baseline: boolean;
  marp: boolean;
  pdf: boolean;
  /** Phone taps through the relay (`npm run present -- --remote`), timed to the audience screen. */
  remoteTaps: number;
  out: string;
}

export interface KeyStats {
  walk: string;
  slide: { frameMs: Stats; paintMs: Stats } | null;
  fragment: { frameMs: Stats; paintMs: Stats } | null;
  all: { frameMs: Stats; paintMs: Stats };
}

export interface PdfStats {
  /** Spawn to exit of the whole command. */
  ms: Stats;
  pages?: number;
  /** Ours only: the export's own `--timings` phases, median over the runs, ms. */
  phases?: Record<string, number>;
}

export interface DeckResult {
  name: string;
  kind: DeckKind;
  slides: number;
  build: { coldMs?: number; warm: Stats };
  bytes: OutputBytes;
  load: {
    runs: number;
    fcpMs: Stats | null;
    /** Title visible with fonts ready (the task after that frame). */
    titleMs: Stats;
    /** `html[data-deck-ready]`, when the deck sets it. */
    readyMs: Stats | null;
    firstViewBytes: Stats;
    firstViewRequests: Stats;
    allBytes: Stats;
    allRequests: Stats;
    samples: LoadSample[];
  };
  keys?: KeyStats;
  /** Key `o` → overview laid out and painted. */
  overviewMs?: Stats;
  pdf?: PdfStats;
}

export interface BenchResult {
  date: string;
  /** `loadAverage`: the 1-minute load when the run started; timings on a busy machine are slower. */
  machine: { cpus: number; loadAverage: number; loadAverageEnd: number; node: string; chromium: string };
  options: BenchOptions;
  budgets: typeof ALL_BUDGETS;
  decks: DeckResult[];
  remote: RemoteTapResult;
  failures: string[];
}

export function loadStats(loads: LoadSample[]): DeckResult['load'] {
  const fcps = loads.map((l) => l.fcpMs).filter((v) => v !== null);
  const readies = loads.map((l) => l.readyMs).filter((v) => v !== null);
  return {
    runs: loads.length,
    fcpMs: fcps.length > 0 ? summarize(fcps) : null,
    titleMs: summarize(loads.map((l) => l.titleMs)),
    readyMs: readies.length > 0 ? summarize(readies) : null,
    firstViewBytes: summarize(loads.map((l) => l.firstView.bytes)),
    firstViewRequests: summarize(loads.map((l) => l.firstView.requests)),
    allBytes: summarize(loads.map((l) => l.all.bytes)),
    allRequests: summarize(loads.map((l) => l.all.requests)),
    samples: loads,
  };
}

export function keyStats(samples: StepSample[], walk: string): KeyStats | undefined {
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

/** Median of each phase over several runs' phase timings (a phase missing from a run is skipped). */
export function medianPhases(runs: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    names.map((name) => [name, summarize(runs.map((r) => r[name]).filter((v) => v !== undefined)).median]),
  );
}

/** The talk's and Marp's medians side by side, for the budgets and the table's ratios. */
export function versus(talk: DeckResult, marp: DeckResult): VersusFigures {
  const figures: VersusFigures = { title: [talk.load.titleMs.median, marp.load.titleMs.median] };
  if (talk.load.fcpMs && marp.load.fcpMs) figures.fcp = [talk.load.fcpMs.median, marp.load.fcpMs.median];
  // Slide changes only: Marp's file has no build steps, so compare like with like.
  if (talk.keys?.slide && marp.keys?.slide)
    figures.key = [talk.keys.slide.frameMs.median, marp.keys.slide.frameMs.median];
  if (talk.pdf && marp.pdf) figures.pdf = [talk.pdf.ms.median, marp.pdf.ms.median];
  return figures;
}
