// Renders a ```chart block (YAML) to an inline SVG bar chart at build time, on a log scale so that
// 50 dollars and 13 billion fit on one slide. The printed `text` is the source's own wording;
// bar lengths only show the order of magnitude.
import { parse } from 'yaml';
import { escapeHtml } from '../../shared/escape-html.js';

export interface ChartBar {
  label: string;
  value: number;
  /** Printed verbatim beside the bar, e.g. 超过千万美金. */
  text: string;
  /** "At least this much": drawn with an open, fading end. */
  open?: boolean;
}

export interface ChartSpec {
  title: string;
  bars: ChartBar[];
}

export type ChartResult = { html: string; error: null } | { html: string; error: string };

const ROW = 64;
const TOP = 24;
const LABEL_WIDTH = 400;
const BAR_LEFT = LABEL_WIDTH + 20;
const BAR_MAX = 440;
const WIDTH = 1100;
const TICK_NAMES: Record<number, string> = {
  0: '1',
  2: '100',
  4: '1万',
  6: '100万',
  8: '1亿',
  10: '100亿',
  12: '1万亿',
};

/** Parses and renders a chart block; a bad spec gives an error message instead of a chart. */
export function renderChart(source: string): ChartResult {
  let spec: ChartSpec;
  try {
    spec = checkSpec(parse(source));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      html: `<div class="deck-error" role="alert">chart: ${escapeHtml(message)}</div>`,
      error: message,
    };
  }
  return { html: chartSvg(spec), error: null };
}

function checkSpec(data: unknown): ChartSpec {
  const spec = data as Partial<ChartSpec> | null;
  if (!spec || typeof spec !== 'object') throw new Error('a chart needs `title` and `bars`');
  if (typeof spec.title !== 'string') throw new Error('`title` must be text');
  if (!Array.isArray(spec.bars) || spec.bars.length === 0)
    throw new Error('`bars` must be a list of { label, value, text }');
  spec.bars.forEach((bar, i) => {
    if (typeof bar?.label !== 'string' || typeof bar.text !== 'string')
      throw new Error(`bar ${i + 1}: \`label\` and \`text\` must be text`);
    // `.inf` is a YAML number too, and would never finish the axis ticks.
    if (typeof bar.value !== 'number' || !Number.isFinite(bar.value) || bar.value < 1)
      throw new Error(`bar ${i + 1}: \`value\` must be a number of at least 1`);
  });
  return spec as ChartSpec;
}

function chartSvg(spec: ChartSpec): string {
  const maxPower = Math.ceil(Math.log10(Math.max(...spec.bars.map((b) => b.value))) / 2) * 2 || 2;
  const x = (value: number) => BAR_LEFT + (Math.log10(value) / maxPower) * BAR_MAX;
  const height = TOP + spec.bars.length * ROW + 40;
  const ticks: string[] = [];
  for (let p = 0; p <= maxPower; p += 2) {
    const tx = x(10 ** p);
    ticks.push(
      `<line class="chart-grid" x1="${tx}" y1="${TOP - 8}" x2="${tx}" y2="${height - 34}"/>` +
        `<text class="chart-tick" x="${tx}" y="${height - 10}" text-anchor="middle">${TICK_NAMES[p] ?? `1e${p}`}</text>`,
    );
  }
  const rows = spec.bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const end = x(bar.value);
    const open = bar.open
      ? `<path class="chart-open" d="M${end} ${y + 8}h36M${end} ${y + 40}h36" /><path class="chart-open-tip" d="M${end + 30} ${y + 14}l12 10-12 10"/>`
      : '';
    const textX = end + (bar.open ? 54 : 14);
    return (
      `<g class="chart-row"><text class="chart-label" x="${LABEL_WIDTH}" y="${y + 32}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect class="chart-bar" x="${BAR_LEFT}" y="${y + 8}" width="${Math.max(end - BAR_LEFT, 4)}" height="32" rx="4"/>${open}` +
      `<text class="chart-value" x="${textX}" y="${y + 33}">${escapeHtml(bar.text)}</text></g>`
    );
  });
  const description = spec.bars.map((b) => `${b.label}：${b.text}`).join('；');
  return (
    `<figure class="chart"><svg class="chart-svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(spec.title)}。${escapeHtml(description)}">` +
    ticks.join('') +
    rows.join('') +
    `</svg><figcaption class="chart-title">${escapeHtml(spec.title)}</figcaption></figure>`
  );
}
