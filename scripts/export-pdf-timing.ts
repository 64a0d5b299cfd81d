// How long the slides PDF takes, for the benchmark: a built deck's export time (browser start
// included, as a person running `npm run export -- --slides` waits for it), and a generated deck
// of any size made from the real slides' own text.
//
//   tsx scripts/export-pdf-timing.ts [--slides 200] [--runs 3]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDeck, exportPdf } from './export-pdf.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLIDES_PER_FILE = 20;
const PART_EVERY = 40;
const HEADING = /^#{1,2}\s+(.+)$/;
const BULLET = /^-\s+(.+)$/;

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

/** Text taken from a talk's Markdown: slide titles, list items and speaker notes. */
interface TalkText {
  titles: string[];
  parts: string[];
  bullets: string[];
  notes: string[];
}

function readTalkText(slidesDir: string): TalkText {
  const text: TalkText = { titles: [], parts: [], bullets: [], notes: [] };
  for (const file of readdirSync(slidesDir).filter((f) => f.endsWith('.md')).sort()) {
    let inNotes = false;
    for (const line of readFileSync(join(slidesDir, file), 'utf8').split('\n')) {
      if (/^---\s*$/.test(line)) inNotes = false;
      else if (/^Note:\s*$/.test(line)) inNotes = true;
      else if (inNotes && line.trim()) text.notes.push(line.trim());
      else if (HEADING.test(line)) (line.startsWith('##') ? text.titles : text.parts).push(HEADING.exec(line)![1]!);
      else if (BULLET.test(line)) text.bullets.push(BULLET.exec(line)![1]!);
    }
  }
  return text;
}

/**
 * Writes a deck of `count` slides into `dir` (deck.yaml and Markdown files), reusing the text of
 * the deck in `source`: a title slide, a part divider every 40 slides, content slides with four
 * list items (every fifth built step by step) and speaker notes.
 */
export function generateDeck(dir: string, count: number, source = join(ROOT, 'slides')): void {
  const text = readTalkText(source);
  const pick = (list: string[], i: number) => list[i % list.length]!;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'deck.yaml'), readFileSync(join(source, 'deck.yaml'), 'utf8'));
  const slides: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `s-${String(i + 1).padStart(3, '0')}`;
    if (i === 0) slides.push(`id: ${id}\nclass: title\n---\n\n# ${pick(text.parts, 0)}\n\n${pick(text.bullets, 0)}\n`);
    else if (i % PART_EVERY === 1) slides.push(`id: ${id}\nclass: divider\n---\n\n# ${pick(text.parts, 1 + Math.floor(i / PART_EVERY))}\n`);
    else {
      const build = i % 5 === 0 ? 'build: items\n' : '';
      const items = [0, 1, 2, 3].map((k) => `- ${pick(text.bullets, i * 4 + k)}`).join('\n');
      const notes = [0, 1, 2].map((k) => pick(text.notes, i * 3 + k)).join('\n');
      slides.push(`id: ${id}\nclass: content\n${build}---\n\n## ${pick(text.titles, i)}\n\n${items}\n\nNote:\n${notes}\n`);
    }
  }
  for (let start = 0; start < slides.length; start += SLIDES_PER_FILE) {
    const name = `${String(start / SLIDES_PER_FILE).padStart(2, '0')}-generated.md`;
    writeFileSync(join(dir, name), slides.slice(start, start + SLIDES_PER_FILE).map((slide) => `---\n${slide}`).join('\n'));
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
    generateDeck(decks[1]!.slides, count);
    for (const [i, deck] of decks.entries()) {
      const dist = join(work, `dist-${i}`);
      buildDeck({ slides: deck.slides, dist });
      const timing = await timeSlidesExport(dist, runs);
      console.log(`slides PDF, ${deck.name}: ${timing.pages} pages, median ${(timing.median / 1000).toFixed(2)} s (runs: ${timing.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
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
