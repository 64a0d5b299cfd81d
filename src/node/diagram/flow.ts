// `kind: flow`: boxes on a grid (rows and columns, a box may span several) joined by arrows.
// Boxes side by side are joined straight across, boxes one above the other straight down, any
// other pair by an elbow; an arrow that would cut through a third box is refused.
import { ITEM_FIELDS, type DiagramKind, type ItemSpec } from './kind.js';
import {
  arrow,
  box,
  MAX_HEIGHT,
  PAD_X,
  PAD_Y,
  placeBlock,
  setText,
  WIDTH,
  type Block,
  type LayoutContext,
  type TextPart,
} from './layout.js';
import { TEXT_ROLES, type Point, type Rect, type SceneArrow, type SceneBox } from './scene.js';

export interface FlowNode extends ItemSpec {
  id?: string;
  row?: number;
  col?: number;
  rows?: number;
  cols?: number;
}

export interface FlowLink {
  from: string;
  to: string;
  label?: string;
  step?: number;
}

export interface FlowSpec {
  nodes: FlowNode[];
  links?: FlowLink[];
}

const MAX_ROWS = 3;
const MAX_COLS = 5;
const GAP_X = 64;
const GAP_Y = 52;
const MIN_BOX_HEIGHT = 88;
const MIN_COLUMN = 140;
/** How much two boxes must face each other for a straight arrow between them. */
const MIN_FACING = 24;
/** Room between an arrow and its label. */
const LABEL_GAP = 8;
const LABEL_MAX_WIDTH = 220;

export const flow: DiagramKind<FlowSpec> = {
  fields: {
    nodes: {
      type: 'list',
      required: true,
      min: 1,
      max: 10,
      noun: 'nodes',
      fields: {
        ...ITEM_FIELDS,
        id: { type: 'text' },
        row: { type: 'count', max: MAX_ROWS },
        col: { type: 'count', max: MAX_COLS },
        rows: { type: 'count', max: MAX_ROWS },
        cols: { type: 'count', max: MAX_COLS },
      },
    },
    links: {
      type: 'list',
      min: 1,
      max: 12,
      noun: 'links',
      fields: {
        from: { type: 'text', required: true },
        to: { type: 'text', required: true },
        label: { type: 'text' },
        step: { type: 'step' },
      },
    },
  },
  layout: layoutFlow,
};

interface Cell {
  node: FlowNode;
  id: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function layoutFlow(spec: FlowSpec, context: LayoutContext): ReturnType<DiagramKind<FlowSpec>['layout']> {
  const cells = placeCells(spec, context);
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const chain: FlowLink[] = cells.slice(1).map((cell, i) => ({ from: cells[i]!.id, to: cell.id }));
  const links = (spec.links ?? chain).filter((link) => {
    for (const end of ['from', 'to'] as const) {
      if (!byId.has(link[end])) {
        context.problem(
          link,
          end,
          `no node \`${link[end]}\` to link ${end} (nodes are named by \`id\`, else by their \`text\`)`,
        );
        return false;
      }
    }
    return true;
  });
  const nRows = Math.max(1, ...cells.map((c) => c.row + c.rows - 1));
  const nCols = Math.max(1, ...cells.map((c) => c.col + c.cols - 1));

  // Labels decide the gaps: across a column gap for a link side by side, in a row gap for one above another.
  const labels = new Map<FlowLink, Block>();
  let gapX = GAP_X;
  let gapY = GAP_Y;
  for (const link of links) {
    if (!link.label) continue;
    const block = setText(
      context,
      [{ text: link.label, role: 'label', owner: link, key: 'label' }],
      LABEL_MAX_WIDTH,
    );
    labels.set(link, block);
    const [a, b] = [byId.get(link.from)!, byId.get(link.to)!];
    if (spans(a, 'col').overlaps(spans(b, 'col'))) gapY = Math.max(gapY, block.height + 2 * 12);
    else if (spans(a, 'row').overlaps(spans(b, 'row'))) gapX = Math.max(gapX, block.width + 2 * 16);
    else
      context.problem(
        link,
        'label',
        'a label needs a straight link: put the two nodes in one row or one column',
      );
  }

  const columns = columnWidths(cells, nCols, WIDTH - (nCols - 1) * gapX, context);
  const columnX = columns.map((_, c) => columns.slice(0, c).reduce((sum, w) => sum + w + gapX, 0));
  const widthOf = (cell: Cell) =>
    columns.slice(cell.col - 1, cell.col - 1 + cell.cols).reduce((sum, w) => sum + w, 0) +
    (cell.cols - 1) * gapX;
  const blocks = new Map<Cell, Block>();
  for (const cell of cells) blocks.set(cell, setText(context, partsOf(cell.node), widthOf(cell) - 2 * PAD_X));
  // Boxes over the same rows are one height: a row's boxes fill it; a box over several rows is as
  // tall as its words need (the tallest of its fellows), centred across them.
  const spanKey = (cell: Cell) => `${cell.row}+${cell.rows}`;
  const heights = new Map<string, number>();
  for (const cell of cells)
    heights.set(
      spanKey(cell),
      Math.max(heights.get(spanKey(cell)) ?? MIN_BOX_HEIGHT, blocks.get(cell)!.height + 2 * PAD_Y),
    );
  const rowHeights = Array.from({ length: nRows }, (_, r) => heights.get(`${r + 1}+1`) ?? MIN_BOX_HEIGHT);
  for (const cell of cells.filter((c) => c.rows > 1)) {
    const rows = rowHeights.slice(cell.row - 1, cell.row - 1 + cell.rows);
    const have = rows.reduce((sum, h) => sum + h, 0) + (cell.rows - 1) * gapY;
    const need = heights.get(spanKey(cell))!;
    if (need > have) rowHeights[cell.row + cell.rows - 2]! += need - have;
  }
  const rowTops = rowHeights.map((_, r) => rowHeights.slice(0, r).reduce((sum, h) => sum + h + gapY, 0));
  const height = rowTops.at(-1)! + rowHeights.at(-1)!;
  if (height > MAX_HEIGHT)
    context.problem(
      spec,
      'nodes',
      `too many rows or too much text to fit the slide: the flow is ${Math.ceil(height)} px tall, at most ${MAX_HEIGHT} fit`,
    );

  const boxes = new Map<string, SceneBox>();
  for (const cell of cells) {
    const top = rowTops[cell.row - 1]!;
    const bottom = rowTops[cell.row + cell.rows - 2]! + rowHeights[cell.row + cell.rows - 2]!;
    const boxHeight = cell.rows === 1 ? bottom - top : heights.get(spanKey(cell))!;
    const rect: Rect = {
      x: columnX[cell.col - 1]!,
      y: top + (bottom - top - boxHeight) / 2,
      width: widthOf(cell),
      height: boxHeight,
    };
    const scene = box(cell.id, rect, {
      tone: cell.node.accent ? 'accent' : 'plain',
      step: cell.node.step ?? 0,
    });
    scene.texts = placeBlock(blocks.get(cell)!, scene.inner);
    boxes.set(cell.id, scene);
  }

  // Arrows that fan out from one box to boxes beside it fork from one point when any of them bends.
  const bends = new Set<string>();
  for (const link of links) {
    const [a, b] = [boxes.get(link.from)!, boxes.get(link.to)!];
    if (a !== b && route(a.rect, b.rect).length > 2) bends.add(`${link.from}>${b.rect.x > a.rect.x}`);
  }
  const arrows: SceneArrow[] = [];
  for (const link of links) {
    const [a, b] = [boxes.get(link.from)!, boxes.get(link.to)!];
    if (a === b) {
      context.problem(link, 'to', 'a link needs two different nodes');
      continue;
    }
    const points = route(a.rect, b.rect, bends.has(`${link.from}>${b.rect.x > a.rect.x}`));
    const through = [...boxes.values()].find(
      (other) => other !== a && other !== b && pathCrosses(points, other.rect),
    );
    if (through) {
      context.problem(
        link,
        'to',
        `the link from \`${link.from}\` to \`${link.to}\` would cross \`${through.id}\`: place the nodes so nothing is between them`,
      );
      continue;
    }
    const scene = arrow(a.id, b.id, points, link.step ?? Math.max(a.step, b.step));
    const block = labels.get(link);
    if (block && points.length > 2)
      context.problem(link, 'label', 'a label needs a straight link: line the two boxes up across or down');
    else if (block) scene.label = placeLabel(block, points);
    arrows.push(scene);
  }

  return { width: WIDTH, height, boxes: [...boxes.values()], arrows, captions: [] };
}

function idOf(node: FlowNode): string {
  return node.id ?? node.text;
}

/** Grid cells in list order: a node without `row`/`col` goes right after the one before it. */
function placeCells(spec: FlowSpec, context: LayoutContext): Cell[] {
  const cells: Cell[] = [];
  const taken = new Map<string, Cell>();
  const ids = new Set<string>();
  let previous: Cell | undefined;
  for (const [i, node] of spec.nodes.entries()) {
    const id = idOf(node);
    if (ids.has(id))
      context.problem(node, node.id ? 'id' : 'text', `two nodes are called \`${id}\`: give one an \`id\``);
    ids.add(id);
    const row = node.row ?? previous?.row ?? 1;
    let col = node.col ?? (previous && previous.row === row ? previous.col + previous.cols : 1);
    if (node.col === undefined) while (taken.has(`${row},${col}`)) col++;
    const cell: Cell = { node, id, row, col, rows: node.rows ?? 1, cols: node.cols ?? 1 };
    if (col + cell.cols - 1 > MAX_COLS || row + cell.rows - 1 > MAX_ROWS) {
      context.problem(
        node,
        '',
        `too many nodes to fit the slide: node ${i + 1} would be in row ${row}, column ${col} (at most ${MAX_ROWS} rows of ${MAX_COLS} columns)`,
      );
      continue;
    }
    let clash: Cell | undefined;
    for (let r = row; r < row + cell.rows; r++)
      for (let c = col; c < col + cell.cols; c++) clash ??= taken.get(`${r},${c}`);
    if (clash) {
      context.problem(
        node,
        '',
        `node ${i + 1} is placed on top of \`${clash.id}\` (row ${row}, column ${col})`,
      );
      continue;
    }
    for (let r = row; r < row + cell.rows; r++)
      for (let c = col; c < col + cell.cols; c++) taken.set(`${r},${c}`, cell);
    cells.push(cell);
    previous = cell;
  }
  return cells;
}

function spans(cell: Cell, axis: 'row' | 'col') {
  const start = cell[axis];
  const end = start + (axis === 'row' ? cell.rows : cell.cols) - 1;
  return {
    overlaps: (other: { start: number; end: number }) => start <= other.end && other.start <= end,
    start,
    end,
  };
}

/**
 * Edge to edge: straight across where the boxes face each other (over at least MIN_FACING),
 * straight down where one is above the other, else across, along the middle of the gap between
 * them, and across again (`bend`: that way even when they face each other, to fork with a
 * fellow arrow that must bend).
 */
export function route(a: Rect, b: Rect, bend = false): Point[] {
  const top = Math.max(a.y, b.y);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  const left = Math.max(a.x, b.x);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const forward = b.x >= a.x + a.width;
  const startX = forward ? a.x + a.width : a.x;
  const endX = forward ? b.x : b.x + b.width;
  const apart = forward || b.x + b.width <= a.x;
  if (bottom - top >= MIN_FACING && !(bend && apart)) {
    const y = (top + bottom) / 2;
    return [
      { x: startX, y },
      { x: endX, y },
    ];
  }
  if (right > left) {
    const x = (left + right) / 2;
    return b.y >= a.y + a.height
      ? [
          { x, y: a.y + a.height },
          { x, y: b.y },
        ]
      : [
          { x, y: a.y },
          { x, y: b.y + b.height },
        ];
  }
  const from = a.y + a.height / 2;
  const to = b.y + b.height / 2;
  const middle = (startX + endX) / 2;
  return [
    { x: startX, y: from },
    { x: middle, y: from },
    { x: middle, y: to },
    { x: endX, y: to },
  ];
}

/**
 * Column widths: each column as wide as its widest words need on one line, if they all fit;
 * else the narrow columns get what they need and the rest share what is left (their words wrap).
 */
function columnWidths(cells: Cell[], count: number, available: number, context: LayoutContext): number[] {
  const need = Array.from({ length: count }, (_, c) =>
    Math.max(
      MIN_COLUMN,
      ...cells
        .filter((cell) => cell.cols === 1 && cell.col === c + 1)
        .flatMap((cell) =>
          partsOf(cell.node).map((part) => context.measure(part.text, TEXT_ROLES[part.role]) + 2 * PAD_X),
        ),
    ),
  );
  const widths = new Array<number>(count).fill(0);
  let open = need.map((_, c) => c);
  let left = available;
  // Water-filling: a column that needs less than an equal share of what is left gets what it needs.
  for (;;) {
    const share = left / open.length;
    const settled = open.filter((c) => need[c]! <= share);
    if (settled.length === 0) {
      for (const c of open) widths[c] = share;
      break;
    }
    for (const c of settled) {
      widths[c] = need[c]!;
      left -= need[c]!;
    }
    open = open.filter((c) => !settled.includes(c));
    if (open.length === 0) {
      // Everything fits: share the room that is over equally.
      return widths.map((w) => w + left / count);
    }
  }
  return widths;
}

function partsOf(node: FlowNode): TextPart[] {
  const parts: TextPart[] = [{ text: node.text, role: 'title', owner: node, key: 'text' }];
  if (node.note) parts.push({ text: node.note, role: 'note', owner: node, key: 'note' });
  return parts;
}

/** Whether the axis-aligned path runs through `rect` (touching its edge is not crossing). */
function pathCrosses(points: Point[], rect: Rect): boolean {
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1]!, points[i]!];
    const x1 = Math.min(p.x, q.x);
    const x2 = Math.max(p.x, q.x);
    const y1 = Math.min(p.y, q.y);
    const y2 = Math.max(p.y, q.y);
    if (
      x1 < rect.x + rect.width - 0.5 &&
      x2 > rect.x + 0.5 &&
      y1 < rect.y + rect.height - 0.5 &&
      y2 > rect.y + 0.5
    )
      return true;
  }
  return false;
}

/** A label above a horizontal arrow, or beside a vertical one (to its right, unless that is off the drawing). */
function placeLabel(block: Block, points: Point[]) {
  const [p, q] = [points[0]!, points.at(-1)!];
  if (p.y === q.y) {
    const x = Math.min(p.x, q.x);
    return placeBlock(block, {
      x,
      y: p.y - LABEL_GAP - block.height,
      width: Math.abs(q.x - p.x),
      height: block.height,
    });
  }
  const right = p.x + LABEL_GAP + 6;
  const x = right + block.width <= WIDTH ? right : p.x - LABEL_GAP - 6 - block.width;
  return placeBlock(
    block,
    { x, y: (p.y + q.y) / 2 - block.height / 2, width: block.width, height: block.height },
    'left',
  );
}
