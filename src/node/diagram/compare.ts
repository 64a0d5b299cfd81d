// `kind: compare`: before → after. Two panels side by side, each a heading, an optional note and
// a short list; a broad arrow between them, with optional words on it. The `after` panel is the
// highlighted one.
import type { DiagramKind } from './kind.js';
import {
  arrow,
  box,
  MAX_HEIGHT,
  placeBlock,
  setText,
  WIDTH,
  type Block,
  type LayoutContext,
} from './layout.js';
import { TEXT_ROLES, type Rect, type Scene, type SceneBox, type TextRole } from './scene.js';

export interface PanelSpec {
  text: string;
  note?: string;
  items?: string[];
  step?: number;
}

export interface CompareSpec {
  before: PanelSpec;
  after: PanelSpec;
  /** Words on the arrow. */
  arrow?: string;
}

const PANEL_PAD = 24;
const MIN_GAP = 120;
const LABEL_MAX_WIDTH = 200;
const BULLET = 10;
/** From a panel's left padding to its list's words: the bullet and a space. */
const BULLET_SPACE = 24;
const ITEM_GAP = 8;
const HEADING_GAP = 14;
const MIN_PANEL_HEIGHT = 120;
const MIN_PANEL = 380;

const PANEL_FIELDS = {
  text: { type: 'text', required: true },
  note: { type: 'text' },
  items: { type: 'texts', max: 5, noun: 'items' },
  step: { type: 'step' },
} as const;

export const compare: DiagramKind<CompareSpec> = {
  fields: {
    before: { type: 'object', required: true, fields: PANEL_FIELDS },
    after: { type: 'object', required: true, fields: PANEL_FIELDS },
    arrow: { type: 'text' },
  },
  layout: layoutCompare,
};

interface PanelPlan {
  spec: PanelSpec;
  head: Block;
  items: Block[];
  height: number;
}

function layoutCompare(spec: CompareSpec, context: LayoutContext): Scene {
  const label = spec.arrow
    ? setText(context, [{ text: spec.arrow, role: 'label', owner: spec, key: 'arrow' }], LABEL_MAX_WIDTH)
    : null;
  const gap = Math.max(MIN_GAP, (label?.width ?? 0) + 40);
  // Panels as wide as their longest line (both alike, at least MIN_PANEL), the pair centred.
  const widest = Math.max(
    ...[spec.before, spec.after].flatMap((panel) => [
      context.measure(panel.text, TEXT_ROLES.heading),
      panel.note ? context.measure(panel.note, TEXT_ROLES.note) : 0,
      ...(panel.items ?? []).map((item) => context.measure(item, TEXT_ROLES.item) + BULLET_SPACE),
    ]),
  );
  const panelWidth = Math.min((WIDTH - gap) / 2, Math.max(MIN_PANEL, Math.ceil(widest) + 2 * PANEL_PAD));
  const left = (WIDTH - 2 * panelWidth - gap) / 2;
  const inner = panelWidth - 2 * PANEL_PAD;

  const plan = (panel: PanelSpec): PanelPlan => {
    const parts = [{ text: panel.text, role: 'heading' as TextRole, owner: panel, key: 'text' }];
    if (panel.note) parts.push({ text: panel.note, role: 'note', owner: panel, key: 'note' });
    const head = setText(context, parts, inner);
    const items = (panel.items ?? []).map((item) =>
      setText(context, [{ text: item, role: 'item', owner: panel, key: 'items' }], inner - BULLET_SPACE),
    );
    const list = items.reduce((sum, item) => sum + item.height, 0) + Math.max(0, items.length - 1) * ITEM_GAP;
    return { spec: panel, head, items, height: head.height + (items.length > 0 ? HEADING_GAP + list : 0) };
  };
  const plans = [plan(spec.before), plan(spec.after)] as const;
  const height = Math.max(MIN_PANEL_HEIGHT, ...plans.map((p) => p.height + 2 * PANEL_PAD));
  if (height > MAX_HEIGHT)
    context.problem(
      spec,
      'before',
      `too many items or too much text to fit the slide: the panels are ${Math.ceil(height)} px tall, at most ${MAX_HEIGHT} fit`,
    );

  const boxes: SceneBox[] = plans.map((p, i) => {
    const rect: Rect = { x: left + i * (panelWidth + gap), y: 0, width: panelWidth, height };
    const panel = box(i === 0 ? 'before' : 'after', rect, {
      tone: i === 0 ? 'muted' : 'accent',
      step: p.spec.step ?? 0,
      inner: { x: rect.x + PANEL_PAD, y: PANEL_PAD, width: inner, height: height - 2 * PANEL_PAD },
    });
    // Heading on top, the list under it, all flush left: the whole centred in the panel's height.
    let top = (height - p.height) / 2;
    panel.texts = placeBlock(
      p.head,
      { x: panel.inner.x, y: top, width: inner, height: p.head.height },
      'left',
    );
    top += p.head.height + HEADING_GAP;
    for (const item of p.items) {
      const line = TEXT_ROLES.item;
      panel.texts.push(
        ...placeBlock(
          item,
          { x: panel.inner.x + BULLET_SPACE, y: top, width: inner - BULLET_SPACE, height: item.height },
          'left',
        ),
      );
      panel.bullets.push({
        x: panel.inner.x + 2,
        y: top + line.lineHeight / 2 - BULLET / 2,
        width: BULLET,
        height: BULLET,
      });
      top += item.height + ITEM_GAP;
    }
    return panel;
  });

  const [before, after] = boxes as [SceneBox, SceneBox];
  const y = height / 2;
  const link = arrow(
    before.id,
    after.id,
    [
      { x: before.rect.x + before.rect.width, y },
      { x: after.rect.x, y },
    ],
    after.step,
    true,
  );
  if (label)
    link.label = placeBlock(label, {
      x: left + panelWidth,
      y: y - 30 - label.height,
      width: gap,
      height: label.height,
    });
  return { width: WIDTH, height, boxes, arrows: [link], captions: [] };
}
