// What a diagram kind's layout produces: boxes, arrows and text placed in slide pixels, before
// any SVG is written. Tests check this geometry (no overlaps, text inside its box, arrows from
// edge to edge); svg.ts draws it.

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a text is set. Sizes are slide pixels: ≥ 24 px, readable from the back of a room. */
export const TEXT_ROLES = {
  /** A box's main words. */
  title: { size: 28, bold: true, lineHeight: 36 },
  /** A compare panel's heading. */
  heading: { size: 30, bold: true, lineHeight: 40 },
  /** Smaller words under a title. */
  note: { size: 24, bold: false, lineHeight: 31 },
  /** A line of a compare panel's list. */
  item: { size: 26, bold: false, lineHeight: 34 },
  /** Words on an arrow. */
  label: { size: 24, bold: false, lineHeight: 30 },
  /** Words inside a chip (a layer's item). */
  chip: { size: 24, bold: false, lineHeight: 30 },
  /** The words in the middle of a cycle. */
  center: { size: 32, bold: true, lineHeight: 40 },
} as const;

export type TextRole = keyof typeof TEXT_ROLES;

/** Class of every bold diagram text: the font subset cuts the bold face to what carries it. */
export const DIAGRAM_BOLD_CLASS = 'diagram-strong';

/** One line of text. `x` is its left end (anchor start) or centre (anchor middle); `y` its baseline. */
export interface SceneText {
  text: string;
  role: TextRole;
  x: number;
  y: number;
  width: number;
  anchor: 'start' | 'middle';
}

/** Box styles; each is a CSS class in src/client/audience/diagrams.css. */
export type Tone = 'plain' | 'accent' | 'muted' | 'layer' | 'chip' | 'bare';

export type Shape = 'rect' | 'pill' | 'chevron' | 'chevron-first';

export interface SceneBox {
  id: string;
  rect: Rect;
  /** Where its text may go: the rect less its padding (and a chevron's point). */
  inner: Rect;
  shape: Shape;
  tone: Tone;
  /** Build step (0: shown from the start). */
  step: number;
  /** The box this one sits inside (a chip in its layer); others must not overlap it. */
  parent?: string;
  texts: SceneText[];
  /** Small squares before list lines (compare panels), drawn in the box. */
  bullets: Rect[];
}

export interface SceneArrow {
  from: string;
  to: string;
  /** SVG path data of the shaft, from `start` to the base of the head. */
  d: string;
  /** On the edge of the `from` box. */
  start: Point;
  /** The tip, on the edge of the `to` box. */
  end: Point;
  /** The arrowhead's triangle: tip, then the two corners of its base. */
  head: [Point, Point, Point];
  step: number;
  /** Words on the arrow, placed beside it. */
  label: SceneText[];
  /** A broad arrow between two halves (compare), drawn as a filled shape. */
  broad?: boolean;
}

/** Free text not inside a box (the middle of a cycle). */
export interface SceneCaption {
  texts: SceneText[];
  step: number;
}

export interface Scene {
  width: number;
  height: number;
  boxes: SceneBox[];
  arrows: SceneArrow[];
  captions: SceneCaption[];
}

/**
 * How far the deck font's ink reaches above and below the baseline, in em: Han characters and
 * full-width punctuation stay within 0.88 above and 0.12 below; Latin descenders (g, p, y, j)
 * reach 0.25 below. (The browser's text box is taller: the font's line ascent is 1.16 em.)
 */
export const INK_ABOVE = 0.88;
export const INK_BELOW = 0.25;

/** Where a line of text puts ink: its advance width across, the font's ink range down. */
export function textRect(text: SceneText): Rect {
  const { size } = TEXT_ROLES[text.role];
  const left = text.anchor === 'middle' ? text.x - text.width / 2 : text.x;
  return { x: left, y: text.y - INK_ABOVE * size, width: text.width, height: (INK_ABOVE + INK_BELOW) * size };
}

export function inside(inner: Rect, outer: Rect, tolerance = 0.01): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/** Whether `p` lies on the outline of `r` (within `tolerance`). */
export function onEdge(p: Point, r: Rect, tolerance = 0.5): boolean {
  const within = (v: number, lo: number, hi: number) => v >= lo - tolerance && v <= hi + tolerance;
  const near = (v: number, w: number) => Math.abs(v - w) <= tolerance;
  const inX = within(p.x, r.x, r.x + r.width);
  const inY = within(p.y, r.y, r.y + r.height);
  return (
    (inY && (near(p.x, r.x) || near(p.x, r.x + r.width))) ||
    (inX && (near(p.y, r.y) || near(p.y, r.y + r.height)))
  );
}

/** The outline of a box as drawn: a chevron's notch and point, else its rect. */
export function outline(box: SceneBox): Point[] {
  const { x, y, width: w, height: h } = box.rect;
  const point = CHEVRON_POINT;
  switch (box.shape) {
    case 'chevron':
    case 'chevron-first':
      return [
        { x, y },
        { x: x + w - point, y },
        { x: x + w, y: y + h / 2 },
        { x: x + w - point, y: y + h },
        { x, y: y + h },
        ...(box.shape === 'chevron' ? [{ x: x + point, y: y + h / 2 }] : []),
      ];
    case 'rect':
    case 'pill':
      return [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
      ];
  }
}

/** How far a chevron's point reaches (and its notch cuts in). */
export const CHEVRON_POINT = 30;
