// How long the slides PDF takes, for the benchmark: a built deck's export time (browser start
// included, as a person running `npm run export -- --slides` waits for it), and a generated deck
// of any size made from the real slides (the benchmark's generator, scripts/bench-decks.ts).
//
//   tsx scripts/export-pdf-timing.ts [--slides 200] [--runs 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLargeDeck } from './bench-decks.js';
import { buildDeck, exportPdf } from './export-pdf.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Timing {
  /** Each run's time in ms, in order. */
  runs: number[];
  median: number;
  pages: number;
}

/** Exports the slides PDF of the built deck in `dist` `runs` times; each run starts its own browser. */
export async function timeSlidesExport(dist: string, runs = 3): Promise<Timing> {
  const out = mkdtempSync(join(tmpdir(), 'deck-pdf-timing-'));
  try {
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = await exportPdf({ dist, kind: 'slides', out: join(out, `slides-${i}.pdf`) });
      times.push(Math.round(performance.now() - started));
      pages = result.pages;
    }
    return { runs: times, median: median(times), pages };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const count = option('--slides', 200);
  const runs = option('--runs', 3);
  const work = mkdtempSync(join(tmpdir(), 'deck-pdf-bench-'));
  try {
    const decks = [
      { name: 'this talk', slides: resolve(ROOT, process.env.DECK_SLIDES ?? 'slides') },
      { name: `generated, ${count} slides`, slides: join(work, 'generated') },
    ];
    generateLargeDeck(decks[0]!.slides, decks[1]!.slides, count);
    for (const [i, deck] of decks.entries()) {
      const dist = join(work, `dist-${i}`);
      buildDeck({ slides: deck.slides, dist });
      const timing = await timeSlidesExport(dist, runs);
      console.log(
        `slides PDF, ${deck.name}: ${timing.pages} pages, median ${(timing.median / 1000).toFixed(2)} s (runs: ${timing.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
