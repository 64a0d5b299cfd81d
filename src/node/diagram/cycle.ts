// `kind: cycle`: two to six boxes round an ellipse, each joined to the next by an arc, the last
// back to the first; optional words on each arc and in the middle. With two boxes it is a pair
// of wheels: one arc over the top, one back underneath. An arc shows with the later of its two
// boxes, the words in the middle with the last box.
import { ITEM_FIELDS, type DiagramKind, type ItemSpec } from './kind.js';
import {
  box,
  headAt,
  HEAD_LENGTH,
  MAX_HEIGHT,
  PAD_X,
  PAD_Y,
  placeBlock,
  round,
  setText,
  WIDTH,
  type Block,
  type LayoutContext,
} from './layout.js';
import {
  overlaps,
  type TextRole,
  type Point,
  type Rect,
  type Scene,
  type SceneArrow,
  type SceneBox,
  type SceneCaption,
} from './scene.js';

export interface CycleNode extends ItemSpec {
  /** Words on the arc from this box to the next. */
  label?: string;
}

export interface CycleSpec {
  nodes: CycleNode[];
  center?: string;
}

const BOX_MIN = 200;
const BOX_MAX = 340;
const PAIR_BOX_MAX = 380;
const MIN_BOX_HEIGHT = 88;
const LABEL_MAX_WIDTH = 340;
/** Between an arc and its label. */
const LABEL_GAP = 10;

export const cycle: DiagramKind<CycleSpec> = {
  fields: {
    nodes: {
      type: 'list',
      required: true,
      min: 2,
      max: 6,
      noun: 'nodes',
      fields: { ...ITEM_FIELDS, label: { type: 'text' } },
    },
    center: { type: 'text' },
  },
  layout: layoutCycle,
};

function layoutCycle(spec: CycleSpec, context: LayoutContext): Scene {
  const n = spec.nodes.length;
  const natural = Math.max(
    ...spec.nodes.flatMap((node) => [
      context.measure(node.text, { size: 28, bold: true }),
      node.note ? context.measure(node.note, { size: 24, bold: false }) : 0,
    ]),
  );
  // Two boxes leave the middle free: they may be wider.
  const boxWidth = Math.min(
    n === 2 ? PAIR_BOX_MAX : BOX_MAX,
    Math.max(BOX_MIN, Math.ceil(natural) + 2 * PAD_X),
  );
  const blocks = spec.nodes.map((node) => {
    const parts = [{ text: node.text, role: 'title' as TextRole, owner: node, key: 'text' }];
    if (node.note) parts.push({ text: node.note, role: 'note', owner: node, key: 'note' });
    return setText(context, parts, boxWidth - 2 * PAD_X);
  });
  const boxHeight = Math.max(MIN_BOX_HEIGHT, ...blocks.map((b) => b.height + 2 * PAD_Y));
  const labels = spec.nodes.map((node) =>
    node.label
      ? setText(context, [{ text: node.label, role: 'label', owner: node, key: 'label' }], LABEL_MAX_WIDTH)
      : null,
  );
  const labelHeight = Math.max(0, ...labels.map((l) => l?.height ?? 0));

  // The ellipse through the boxes' centres, and where on it each box sits (angles grow clockwise on screen).
  const rx = WIDTH / 2 - boxWidth / 2;
  let ry: number;
  let height: number;
  let angles: number[];
  if (n === 2) {
    ry = boxHeight / 2 + 70;
    height = 2 * (ry + LABEL_GAP + labelHeight) + 4;
    angles = [Math.PI, 2 * Math.PI];
  } else {
    ry = Math.min((MAX_HEIGHT - boxHeight) / 2, boxHeight + 60);
    height = 2 * ry + boxHeight;
    angles = spec.nodes.map((_, i) => -Math.PI / 2 + (i * 2 * Math.PI) / n);
  }
  if (height > MAX_HEIGHT)
    context.problem(
      spec,
      'nodes',
      `too much text to fit the slide: the cycle is ${Math.ceil(height)} px tall, at most ${MAX_HEIGHT} fit`,
    );
  const cx = WIDTH / 2;
  const cy = height / 2;
  const at = (t: number): Point => ({ x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t) });

  const boxes: SceneBox[] = spec.nodes.map((node, i) => {
    const centre = at(angles[i]!);
    const scene = box(
      `node-${i + 1}`,
      { x: centre.x - boxWidth / 2, y: centre.y - boxHeight / 2, width: boxWidth, height: boxHeight },
      { tone: node.accent ? 'accent' : 'plain', step: node.step ?? 0 },
    );
    scene.texts = placeBlock(blocks[i]!, scene.inner);
    return scene;
  });

  const arrows: SceneArrow[] = [];
  for (const [i, node] of spec.nodes.entries()) {
    const j = (i + 1) % n;
    const from = boxes[i]!;
    const to = boxes[j]!;
    const t0 = n === 2 && i === 1 ? 0 : angles[i]!;
    const t1 = n === 2 ? t0 + Math.PI : angles[i]! + (2 * Math.PI) / n;
    const middle = (t0 + t1) / 2;
    if (contains(from.rect, at(middle)) || contains(to.rect, at(middle))) {
      context.problem(
        spec,
        'nodes',
        'too many nodes or too much text to fit the slide: the boxes of the cycle touch',
      );
      break;
    }
    // Where the arc leaves one box and reaches the next, found along the ellipse.
    const leave = edge(at, from.rect, t0, middle);
    const reach = edge(at, to.rect, t1, middle);
    const tip = at(reach);
    const base = arcPoint(leave, reach, (t) => Math.hypot(at(t).x - tip.x, at(t).y - tip.y) - HEAD_LENGTH);
    const start = at(leave);
    const baseAt = at(base);
    const length = Math.hypot(tip.x - baseAt.x, tip.y - baseAt.y);
    const scene: SceneArrow = {
      from: from.id,
      to: to.id,
      d: `M${round(start.x)} ${round(start.y)}A${round(rx)} ${round(ry)} 0 ${base - leave > Math.PI ? 1 : 0} 1 ${round(baseAt.x)} ${round(baseAt.y)}`,
      start,
      end: tip,
      head: headAt(tip, (tip.x - baseAt.x) / length, (tip.y - baseAt.y) / length),
      step: Math.max(from.step, to.step),
      label: [],
    };
    const label = labels[i];
    if (label) {
      const area = labelArea(label, at(middle), middle, n, { cx, cy });
      scene.label = placeBlock(label, area);
      const hit = boxes.find((b) => overlaps(area, b.rect, 4));
      if (hit || area.x < 0 || area.y < 0 || area.x + area.width > WIDTH || area.y + area.height > height)
        context.problem(node, 'label', 'the label does not fit beside its arc: shorten it');
    }
    arrows.push(scene);
  }

  const captions: SceneCaption[] = [];
  if (spec.center) {
    const inner = n === 2 ? WIDTH - 2 * boxWidth - 80 : Math.min(2 * rx - boxWidth - 40, 420);
    const block = setText(
      context,
      [{ text: spec.center, role: 'center', owner: spec, key: 'center' }],
      inner,
    );
    const area = {
      x: cx - block.width / 2,
      y: cy - block.height / 2,
      width: block.width,
      height: block.height,
    };
    if (boxes.some((b) => overlaps(area, b.rect, 8)))
      context.problem(spec, 'center', 'the words in the middle do not fit between the boxes: shorten them');
    // The words in the middle sum up the loop: they come with its last box.
    captions.push({ texts: placeBlock(block, area), step: Math.max(...boxes.map((b) => b.step)) });
  }
  return { width: WIDTH, height, boxes, arrows, captions };
}

function contains(rect: Rect, p: Point): boolean {
  return p.x > rect.x && p.x < rect.x + rect.width && p.y > rect.y && p.y < rect.y + rect.height;
}

/** The angle between `inside` (a box's centre) and `outside` where the ellipse crosses the box's edge. */
function edge(at: (t: number) => Point, rect: Rect, inside: number, outside: number): number {
  let [a, b] = [inside, outside];
  for (let k = 0; k < 60; k++) {
    const mid = (a + b) / 2;
    if (contains(rect, at(mid))) a = mid;
    else b = mid;
  }
  return b;
}

/** The angle between `a` and `b` where `f` changes sign (f(a) > 0 > f(b)). */
function arcPoint(a: number, b: number, f: (t: number) => number): number {
  for (let k = 0; k < 60; k++) {
    const mid = (a + b) / 2;
    if (f(mid) > 0) a = mid;
    else b = mid;
  }
  return a;
}

/** A label's area: above the top arc and below the bottom one (two boxes), else outward from the arc's middle. */
function labelArea(
  block: Block,
  mid: Point,
  angle: number,
  n: number,
  centre: { cx: number; cy: number },
): Rect {
  const { width, height } = block;
  if (n === 2) {
    const above = mid.y < centre.cy;
    return { x: mid.x - width / 2, y: above ? mid.y - LABEL_GAP - height : mid.y + LABEL_GAP, width, height };
  }
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  // Push the box out from the arc until its nearest corner clears it.
  const x = mid.x + dx * (LABEL_GAP + width / 2) - width / 2;
  const y = mid.y + dy * (LABEL_GAP + height / 2) - height / 2;
  return { x, y, width, height };
}
