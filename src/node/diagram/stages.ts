// `kind: stages`: a sequence of two to five stages, left to right, as chevrons that point on to
// the next, each with an optional note underneath. `rising: true` sets each stage a step higher
// than the one before (a climb, drawn as a schematic: the height means nothing numerically).
import { ITEM_FIELDS, type DiagramKind, type ItemSpec } from './kind.js';
import { box, MAX_HEIGHT, PAD_Y, placeBlock, setText, WIDTH, type LayoutContext } from './layout.js';
import { CHEVRON_POINT, type Scene, type SceneBox } from './scene.js';

export interface StagesSpec {
  stages: ItemSpec[];
  rising?: boolean;
}

const GAP = 10;
const MIN_HEIGHT = 104;
/** How much higher each stage sits than the one before, when rising. */
const RISE = 48;
const NOTE_GAP = 12;
/** Room between a chevron's slanted edges and its words. */
const SIDE = CHEVRON_POINT + 8;

export const stages: DiagramKind<StagesSpec> = {
  fields: {
    stages: { type: 'list', required: true, min: 2, max: 5, noun: 'stages', fields: ITEM_FIELDS },
    rising: { type: 'flag' },
  },
  layout: layoutStages,
};

function layoutStages(spec: StagesSpec, context: LayoutContext): Scene {
  const n = spec.stages.length;
  const width = (WIDTH - (n - 1) * GAP) / n;
  const innerWidth = width - 2 * SIDE;
  const titles = spec.stages.map((stage) =>
    setText(context, [{ text: stage.text, role: 'title', owner: stage, key: 'text' }], innerWidth),
  );
  const notes = spec.stages.map((stage) =>
    stage.note
      ? setText(context, [{ text: stage.note, role: 'note', owner: stage, key: 'note' }], width - 16)
      : null,
  );
  const chevronHeight = Math.max(MIN_HEIGHT, ...titles.map((t) => t.height + 2 * PAD_Y));
  const noteHeight = Math.max(0, ...notes.map((note) => note?.height ?? 0));
  const rise = spec.rising ? RISE : 0;
  const height = (n - 1) * rise + chevronHeight + (noteHeight > 0 ? NOTE_GAP + noteHeight : 0);
  if (height > MAX_HEIGHT)
    context.problem(
      spec,
      'stages',
      `too much text to fit the slide: the stages are ${Math.ceil(height)} px tall, at most ${MAX_HEIGHT} fit`,
    );

  const boxes: SceneBox[] = [];
  for (const [i, stage] of spec.stages.entries()) {
    const x = i * (width + GAP);
    const y = (n - 1 - i) * rise;
    const step = stage.step ?? 0;
    const chevron = box(
      `stage-${i + 1}`,
      { x, y, width, height: chevronHeight },
      {
        shape: i === 0 ? 'chevron-first' : 'chevron',
        tone: stage.accent ? 'accent' : 'plain',
        step,
        inner: {
          x: x + (i === 0 ? 20 : SIDE),
          y: y + PAD_Y,
          width: width - SIDE - (i === 0 ? 20 : SIDE),
          height: chevronHeight - 2 * PAD_Y,
        },
      },
    );
    chevron.texts = placeBlock(titles[i]!, chevron.inner);
    boxes.push(chevron);
    const note = notes[i];
    if (note) {
      const rect = { x, y: y + chevronHeight + NOTE_GAP, width, height: note.height };
      const under = box(`stage-${i + 1}-note`, rect, {
        tone: 'bare',
        step,
        inner: { ...rect, x: x + 8, width: width - 16 },
      });
      under.texts = placeBlock(note, { ...under.inner, height: note.height });
      boxes.push(under);
    }
  }
  return { width: WIDTH, height, boxes, arrows: [], captions: [] };
}
