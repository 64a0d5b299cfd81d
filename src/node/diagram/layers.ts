// `kind: layers`: a stack of layers, listed top to bottom (so a platform's base comes last).
// Each layer has its name on the left and, on the right, a note and/or a row of chips; the
// stack is as wide as its widest layer needs, centred.
import { ITEM_FIELDS, type DiagramKind, type ItemSpec } from './kind.js';
import {
  box,
  MAX_HEIGHT,
  PAD_X,
  placeBlock,
  setText,
  WIDTH,
  type Block,
  type LayoutContext,
} from './layout.js';
import { TEXT_ROLES, type Scene, type SceneBox } from './scene.js';

export interface LayerSpec extends ItemSpec {
  items?: string[];
}

export interface LayersSpec {
  layers: LayerSpec[];
}

const GAP = 8;
/** A layer's padding above and below: layers are bands, lower than boxes. */
const LAYER_PAD_Y = 8;
const MIN_LAYER_HEIGHT = 52;
const NAME_MIN = 180;
/** The narrowest a stack is drawn. */
const MIN_STACK = 640;
const NAME_MAX = 360;
const CHIP_PAD_X = 18;
const CHIP_HEIGHT = 40;
const CHIP_GAP = 12;

export const layers: DiagramKind<LayersSpec> = {
  fields: {
    layers: {
      type: 'list',
      required: true,
      min: 2,
      max: 6,
      noun: 'layers',
      fields: { ...ITEM_FIELDS, items: { type: 'texts', max: 6, noun: 'items' } },
    },
  },
  layout: layoutLayers,
};

function layoutLayers(spec: LayersSpec, context: LayoutContext): Scene {
  const title = TEXT_ROLES.title;
  const natural = Math.max(...spec.layers.map((layer) => context.measure(layer.text, title)));
  const nameWidth = Math.min(NAME_MAX, Math.max(NAME_MIN, Math.ceil(natural) + 2 * PAD_X));
  const contentX = nameWidth;
  const contentWidth = WIDTH - nameWidth - PAD_X;

  const planned = spec.layers.map((layer, i) => {
    const name = setText(
      context,
      [{ text: layer.text, role: 'title', owner: layer, key: 'text' }],
      nameWidth - 2 * PAD_X,
    );
    const note = layer.note
      ? setText(context, [{ text: layer.note, role: 'note', owner: layer, key: 'note' }], contentWidth)
      : null;
    const chips = chipRows(layer, contentWidth, context);
    const contentHeight = (note?.height ?? 0) + (note && chips.height ? GAP : 0) + chips.height;
    const height = Math.max(MIN_LAYER_HEIGHT, name.height + 2 * LAYER_PAD_Y, contentHeight + 2 * LAYER_PAD_Y);
    return { layer, index: i, name, note, chips, contentHeight, height };
  });
  // The stack is as wide as its widest layer needs (at least MIN_STACK), centred.
  const used = Math.max(
    0,
    ...planned.flatMap((p) => [p.note?.width ?? 0, ...p.chips.placed.map((chip) => chip.x + chip.width)]),
  );
  const stackWidth = Math.min(WIDTH, Math.max(MIN_STACK, Math.ceil(nameWidth + used + 2 * PAD_X)));
  const left = (WIDTH - stackWidth) / 2;
  const height = planned.reduce((sum, p) => sum + p.height, 0) + (planned.length - 1) * GAP;
  if (height > MAX_HEIGHT)
    context.problem(
      spec,
      'layers',
      `too many layers or too much text to fit the slide: the stack is ${Math.ceil(height)} px tall, at most ${MAX_HEIGHT} fit`,
    );

  const boxes: SceneBox[] = [];
  let y = 0;
  for (const p of planned) {
    const id = `layer-${p.index + 1}`;
    const step = p.layer.step ?? 0;
    const layer = box(
      id,
      { x: left, y, width: stackWidth, height: p.height },
      {
        tone: p.layer.accent ? 'accent' : 'layer',
        step,
        inner: {
          x: left + PAD_X,
          y: y + LAYER_PAD_Y,
          width: stackWidth - 2 * PAD_X,
          height: p.height - 2 * LAYER_PAD_Y,
        },
      },
    );
    layer.texts = placeBlock(
      p.name,
      { x: left + PAD_X, y, width: nameWidth - 2 * PAD_X, height: p.height },
      'left',
    );
    let top = y + (p.height - p.contentHeight) / 2;
    if (p.note) {
      layer.texts.push(
        ...placeBlock(
          p.note,
          { x: left + contentX, y: top, width: contentWidth, height: p.note.height },
          'left',
        ),
      );
      top += p.note.height + GAP;
    }
    boxes.push(layer);
    for (const [j, chip] of p.chips.placed.entries()) {
      const rect = { x: left + contentX + chip.x, y: top + chip.y, width: chip.width, height: CHIP_HEIGHT };
      const scene = box(`${id}-${j + 1}`, rect, {
        shape: 'pill',
        tone: 'chip',
        step,
        parent: id,
        inner: { x: rect.x + CHIP_PAD_X, y: rect.y, width: rect.width - 2 * CHIP_PAD_X, height: rect.height },
      });
      scene.texts = placeBlock(chip.block, scene.inner);
      boxes.push(scene);
    }
    y += p.height + GAP;
  }
  return { width: WIDTH, height, boxes, arrows: [], captions: [] };
}

/** The layer's chips, left to right, wrapping onto more rows when the width runs out. */
function chipRows(layer: LayerSpec, width: number, context: LayoutContext) {
  const placed: { x: number; y: number; width: number; block: Block }[] = [];
  let x = 0;
  let y = 0;
  for (const item of layer.items ?? []) {
    const block = setText(
      context,
      [{ text: item, role: 'chip', owner: layer, key: 'items' }],
      width - 2 * CHIP_PAD_X,
    );
    const chipWidth = block.width + 2 * CHIP_PAD_X;
    if (x > 0 && x + chipWidth > width) {
      x = 0;
      y += CHIP_HEIGHT + GAP;
    }
    placed.push({ x, y, width: chipWidth, block });
    x += chipWidth + CHIP_GAP;
  }
  return { placed, height: placed.length > 0 ? y + CHIP_HEIGHT : 0 };
}
