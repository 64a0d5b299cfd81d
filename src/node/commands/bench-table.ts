// `npm run bench`'s printed report: one Markdown table with a column per deck, the talk against
// Marp as ratios with their budgets, where our PDF export's time goes, and the budgets' verdict.
import type { Stats } from '../cli/stats.js';
import { LARGE_BUDGET_SLIDES, LARGE_BUDGETS, MARP_BUDGETS, TALK_BUDGETS, ratio } from './bench-budgets.js';
import type { OutputBytes } from './bench-decks.js';
import { formatRemoteTaps } from './bench-remote.js';
import { versus, type BenchResult, type DeckResult, type KeyStats } from './bench-result.js';

const KIB = 1024;

const kib = (n: number) => `${(n / KIB).toFixed(1)} KiB`;

/** Milliseconds as the table shows them: 1 decimal under 20 ms, seconds from 1 s on. */
export function ms(n: number | undefined): string {
  return n === undefined || Number.isNaN(n)
    ? 'n/a'
    : n >= 1000
      ? `${(n / 1000).toFixed(2)} s`
      : `${n.toFixed(n < 20 ? 1 : 0)} ms`;
}

const medianP95 = (s: Stats) => `${ms(s.median)} / ${ms(s.p95)} (n=${s.n})`;

/** The results as Markdown: the table, the talk against Marp, the PDF phases, the verdict. */
export function formatTable(result: BenchResult): string {
  const { decks, options } = result;
  const bytesRow = (kind: keyof OutputBytes) =>
    decks.map((d) => `${kib(d.bytes[kind].raw)} / ${kib(d.bytes[kind].gzip)} (${d.bytes[kind].files})`);
  const keyRow = (
    pick: (k: KeyStats) => { frameMs: Stats; paintMs: Stats } | null,
    metric: 'frameMs' | 'paintMs',
  ) =>
    decks.map((d) => {
      const k = d.keys && pick(d.keys);
      return k ? medianP95(k[metric]) : 'n/a';
    });
  const rows: [string, ...string[]][] = [
    ['Slides', ...decks.map((d) => String(d.slides))],
    [`Build, caches warm (median of ${options.builds})`, ...decks.map((d) => ms(d.build.warm.median))],
    ['Build, empty font cache (1 run)', ...decks.map((d) => ms(d.build.coldMs))],
    ['JS raw / gzip (files)', ...bytesRow('js')],
    ['CSS raw / gzip (files)', ...bytesRow('css')],
    ['Fonts raw / sent (files)', ...bytesRow('fonts')],
    ['Other raw / gzip (files)', ...bytesRow('other')],
    ['**Whole built deck** raw / gzip (files)', ...bytesRow('total')],
    [
      `First contentful paint, median / p95 (${options.runs} cold loads)`,
      ...decks.map((d) => (d.load.fcpMs ? medianP95(d.load.fcpMs) : 'n/a')),
    ],
    ['**Title visible with fonts ready**, median / p95', ...decks.map((d) => medianP95(d.load.titleMs))],
    [
      '… `html[data-deck-ready]` set (our decks)',
      ...decks.map((d) => (d.load.readyMs ? ms(d.load.readyMs.median) : 'n/a')),
    ],
    [
      '**First view** (requests started before the title frame), median',
      ...decks.map(
        (d) => `${kib(d.load.firstViewBytes.median)} in ${d.load.firstViewRequests.median} requests`,
      ),
    ],
    [
      'Everything loaded, network quiet',
      ...decks.map((d) => `${kib(d.load.allBytes.median)} in ${d.load.allRequests.median} requests`),
    ],
    ['Key walk', ...decks.map((d) => d.keys?.walk ?? 'n/a')],
    ['Key → first frame with the next slide or step, median / p95', ...keyRow((k) => k.all, 'frameMs')],
    ['**… slide changes only**', ...keyRow((k) => k.slide, 'frameMs')],
    ['… build steps only', ...keyRow((k) => k.fragment, 'frameMs')],
    ['Key → that frame painted, median / p95', ...keyRow((k) => k.all, 'paintMs')],
    [
      '**Overview open** (`o` → frame after `overviewshown`, painted), median / max',
      ...decks.map((d) =>
        d.overviewMs ? `${ms(d.overviewMs.median)} / ${ms(d.overviewMs.max)} (n=${d.overviewMs.n})` : 'n/a',
      ),
    ],
    [
      '**Slides PDF, whole process** (spawn → exit), median',
      ...decks.map((d) =>
        d.pdf
          ? `${ms(d.pdf.ms.median)} (n=${d.pdf.ms.n}${d.pdf.pages ? `, ${d.pdf.pages} pages` : ''})`
          : 'n/a',
      ),
    ],
  ];
  const lines = [
    `| | ${decks.map((d) => d.name).join(' | ')} |`,
    `|---|${decks.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  const talk = decks.find((d) => d.name === 'talk');
  const marp = decks.find((d) => d.kind === 'marp');
  if (talk && marp) lines.push('', ...versusTable(talk, marp));
  const baseline = decks.find((d) => d.name === 'plain reveal.js');
  if (talk && baseline)
    lines.push(
      '',
      `Talk vs plain reveal.js, same run: build ${times(talk.build.warm.median, baseline.build.warm.median)}, title with fonts ${times(talk.load.titleMs.median, baseline.load.titleMs.median)}, first view ${times(talk.load.firstViewBytes.median, baseline.load.firstViewBytes.median)} the bytes.`,
    );
  const phased = decks.filter((d) => d.pdf?.phases);
  if (phased.length > 0) {
    lines.push('', 'Where our slides PDF export spends its time (`--timings`, median per phase):');
    for (const d of phased)
      lines.push(
        `- ${d.name}: ${Object.entries(d.pdf!.phases!)
          .map(([name, v]) => `${name} ${ms(v)}`)
          .join(', ')}; whole process ${ms(d.pdf!.ms.median)}`,
      );
  }
  const { machine } = result;
  lines.push(
    '',
    formatRemoteTaps(result.remote),
    '',
    `${machine.cpus} CPUs, load average ${machine.loadAverage.toFixed(1)} at the start and ${machine.loadAverageEnd.toFixed(1)} at the end, Node ${machine.node}, ${machine.chromium}.`,
    '',
    `Budgets: talk first view ≤ ${TALK_BUDGETS.firstViewKiB} KiB in ≤ ${TALK_BUDGETS.firstViewRequests} requests, whole deck ≤ ${TALK_BUDGETS.deckKiB} KiB raw, key → frame ≤ ${TALK_BUDGETS.keyMedianMs} ms median; ` +
      `talk / Marp: title ≤ ${MARP_BUDGETS.title}×, FCP ≤ ${MARP_BUDGETS.fcp}×, key (slide changes) ≤ ${MARP_BUDGETS.key}×, slides PDF ≤ ${MARP_BUDGETS.pdf}×; ` +
      `${LARGE_BUDGET_SLIDES} slides: key ≤ ${LARGE_BUDGETS.keyMedianMs} ms median, overview ≤ ${LARGE_BUDGETS.overviewMs} ms, PDF ≤ ${LARGE_BUDGETS.pdfMs / 1000} s, build ≤ ${LARGE_BUDGETS.buildMs / 1000} s: ${
        result.failures.length === 0 ? 'all pass' : `FAILED:\n- ${result.failures.join('\n- ')}`
      }`,
  );
  return lines.join('\n');
}

const times = (a: number, b: number) => {
  const r = ratio(a, b);
  return Number.isNaN(r) ? 'n/a' : `${r.toFixed(2)}×`;
};

/** The talk against Marp, each figure as talk / Marp next to its budget. */
function versusTable(talk: DeckResult, marp: DeckResult): string[] {
  const figures = versus(talk, marp);
  const row = (name: string, pair: [number, number] | undefined, budget?: number) => {
    if (!pair) return `| ${name} | n/a | n/a | n/a | ${budget ?? ''} |`;
    const r = ratio(pair[0], pair[1]);
    const verdict = budget === undefined ? '' : `≤ ${budget}× ${r <= budget ? 'pass' : '**FAIL**'}`;
    return `| ${name} | ${ms(pair[0])} | ${ms(pair[1])} | ${times(pair[0], pair[1])} | ${verdict} |`;
  };
  return [
    '**Talk vs Marp, same run, medians:**',
    '',
    '| | talk | Marp | talk / Marp | budget |',
    '|---|---|---|---|---|',
    row('Title visible with fonts ready', figures.title, MARP_BUDGETS.title),
    row('First contentful paint', figures.fcp, MARP_BUDGETS.fcp),
    row('Key → next slide first visible (slide changes)', figures.key, MARP_BUDGETS.key),
    row('Slides PDF, whole process', figures.pdf, MARP_BUDGETS.pdf),
    row('Build (warm)', [talk.build.warm.median, marp.build.warm.median]),
    `| First view requests | ${talk.load.firstViewRequests.median} | ${marp.load.firstViewRequests.median} | ${times(talk.load.firstViewRequests.median, marp.load.firstViewRequests.median)} | talk ≤ ${TALK_BUDGETS.firstViewRequests} |`,
    `| First view bytes | ${kib(talk.load.firstViewBytes.median)} | ${kib(marp.load.firstViewBytes.median)} | ${times(talk.load.firstViewBytes.median, marp.load.firstViewBytes.median)} | |`,
    `| Whole built deck, raw | ${kib(talk.bytes.total.raw)} | ${kib(marp.bytes.total.raw)} | ${times(talk.bytes.total.raw, marp.bytes.total.raw)} | |`,
  ];
}
