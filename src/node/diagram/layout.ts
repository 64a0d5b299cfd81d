// Layout helpers every diagram kind shares: the drawing area, text set in blocks that fit a
// width (or a reported problem), blocks placed in boxes, boxes, and arrows with their heads.
import { wrapBalanced, type Measure } from './measure.js';
import {
  TEXT_ROLES,
  type Point,
  type Rect,
  type SceneArrow,
  type SceneBox,
  type SceneText,
  type Shape,
  type TextRole,
  type Tone,
} from './scene.js';
import type { SourceLines } from './spec.js';

/** The drawing is as wide as a slide's content area (1280 less 2 × 80 padding): 1 unit is 1 px. */
export const WIDTH = 1120;
/** At most this tall: the content area under a one-line heading (720 − 120 padding − 85 heading − 24 gap). */
export const MAX_HEIGHT = 480;
/** Space between a box's edge and its text. */
export const PAD_X = 20;
export const PAD_Y = 14;
/** Between the parts of a block (a title and its note). */
const PART_GAP = 4;
/** Arrowheads: length along the arrow, half their width; a broad arrow's head is bigger. */
export const HEAD_LENGTH = 16;
export const HEAD_HALF_WIDTH = 9;
const BROAD_HEAD = { length: 28, halfWidth: 22 };

/** How many lines each kind of text may take before it is too long for its box. */
const MAX_LINES: Record<TextRole, number> = {
  title: 3,
  heading: 2,
  note: 3,
  item: 3,
  label: 2,
  chip: 1,
  center: 2,
};

export interface LayoutContext {
  measure: Measure;
  lines: SourceLines;
  /** Reports a problem at the line of `owner[key]`. */
  problem: (owner: object, key: string, message: string) => void;
}

/** A text to set, with where it came from (for messages). */
export interface TextPart {
  text: string;
  role: TextRole;
  owner: object;
  key: string;
}

export interface Block {
  lines: { text: string; role: TextRole; width: number }[];
  width: number;
  height: number;
}

/**
 * Sets `parts` one under the other, each wrapped (balanced) to `maxWidth`. Text that cannot fit
 * (a word wider than the box, or more lines than its kind allows) is reported.
 */
export function setText(context: LayoutContext, parts: TextPart[], maxWidth: number): Block {
  const lines: Block['lines'] = [];
  let height = 0;
  for (const [i, part] of parts.entries()) {
    const style = TEXT_ROLES[part.role];
    const wrapped = wrapBalanced(part.text, maxWidth, style, context.measure);
    const measured = wrapped.map((text) => ({ text, role: part.role, width: context.measure(text, style) }));
    const tooWide = measured.find((line) => line.width > maxWidth + 0.01);
    if (tooWide)
      context.problem(
        part.owner,
        part.key,
        `text too long to fit its box: "${tooWide.text}" is ${Math.ceil(tooWide.width)} px wide, the box has ${Math.floor(maxWidth)} px`,
      );
    else if (measured.length > MAX_LINES[part.role])
      context.problem(
        part.owner,
        part.key,
        `text too long to fit its box: "${part.text}" needs ${measured.length} lines of ${Math.floor(maxWidth)} px, at most ${MAX_LINES[part.role]} fit`,
      );
    if (i > 0) height += PART_GAP;
    height += measured.length * style.lineHeight;
    lines.push(...measured);
  }
  return { lines, width: Math.max(0, ...lines.map((l) => l.width)), height };
}

/** Places a block in `area`, centred vertically; centred or left-aligned horizontally. */
export function placeBlock(block: Block, area: Rect, align: 'center' | 'left' = 'center'): SceneText[] {
  let top = area.y + (area.height - block.height) / 2;
  const texts: SceneText[] = [];
  let previousRole: TextRole | null = null;
  for (const line of block.lines) {
    const style = TEXT_ROLES[line.role];
    if (previousRole !== null && previousRole !== line.role) top += PART_GAP;
    previousRole = line.role;
    // The em box's middle sits 0.38 em above the baseline: centre it in the line.
    const baseline = top + style.lineHeight / 2 + 0.38 * style.size;
    texts.push({
      text: line.text,
      role: line.role,
      x: align === 'center' ? area.x + area.width / 2 : area.x,
      y: round(baseline),
      width: line.width,
      anchor: align === 'center' ? 'middle' : 'start',
    });
    top += style.lineHeight;
  }
  return texts;
}

/** A rect less padding on each side. */
export function pad(rect: Rect, x = PAD_X, y = PAD_Y): Rect {
  return { x: rect.x + x, y: rect.y + y, width: rect.width - 2 * x, height: rect.height - 2 * y };
}

export function box(
  id: string,
  rect: Rect,
  options: { shape?: Shape; tone?: Tone; step?: number; inner?: Rect; parent?: string } = {},
): SceneBox {
  return {
    id,
    rect: roundRect(rect),
    inner: options.inner ?? pad(rect),
    shape: options.shape ?? 'rect',
    tone: options.tone ?? 'plain',
    step: options.step ?? 0,
    ...(options.parent ? { parent: options.parent } : {}),
    texts: [],
    bullets: [],
  };
}

/** An arrow along `points` (at least two), its head ending exactly on the last point. */
export function arrow(from: string, to: string, points: Point[], step: number, broad = false): SceneArrow {
  const end = points.at(-1)!;
  const before = points.at(-2)!;
  const length = Math.hypot(end.x - before.x, end.y - before.y);
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const head = broad ? BROAD_HEAD : { length: HEAD_LENGTH, halfWidth: HEAD_HALF_WIDTH };
  const base = { x: end.x - ux * head.length, y: end.y - uy * head.length };
  const shaft = [...points.slice(0, -1), base];
  return {
    from,
    to,
    d: shaft.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(''),
    start: points[0]!,
    end,
    head: headAt(end, ux, uy, head.length, head.halfWidth),
    step,
    label: [],
    ...(broad ? { broad } : {}),
  };
}

/** The arrowhead triangle whose tip is `tip`, pointing along the unit vector (ux, uy). */
export function headAt(
  tip: Point,
  ux: number,
  uy: number,
  length = HEAD_LENGTH,
  halfWidth = HEAD_HALF_WIDTH,
): [Point, Point, Point] {
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  return [
    tip,
    { x: base.x - uy * halfWidth, y: base.y + ux * halfWidth },
    { x: base.x + uy * halfWidth, y: base.y - ux * halfWidth },
  ];
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundRect(rect: Rect): Rect {
  return { x: round(rect.x), y: round(rect.y), width: round(rect.width), height: round(rect.height) };
}
