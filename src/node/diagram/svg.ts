// Writes a laid-out Scene as inline SVG: real <text> in the deck's font (CSS classes in
// src/client/audience/diagrams.css), a <title> and <desc> that name it for screen readers, and
// one `fragment` group per build step so reveal.js shows the parts in turn.
import { escapeHtml } from '../../shared/escape-html.js';
import { round } from './layout.js';
import {
  DIAGRAM_BOLD_CLASS,
  outline,
  TEXT_ROLES,
  type Point,
  type Scene,
  type SceneBox,
  type SceneText,
  type Tone,
} from './scene.js';

export interface SvgMeta {
  /** Unique in the deck: the prefix of the <title> and <desc> ids. */
  id: string;
  kind: string;
  title: string;
  description: string;
  caption?: string;
}

const RADIUS = 12;

/** The diagram as a <figure> holding its <svg> (and its caption, if any). */
export function sceneSvg(scene: Scene, meta: SvgMeta): string {
  const steps = new Map<number, string[]>();
  const add = (step: number, markup: string) => {
    if (!steps.has(step)) steps.set(step, []);
    steps.get(step)!.push(markup);
  };
  // Arrows under boxes, words on top.
  for (const arrow of scene.arrows) {
    const broad = arrow.broad ? ' is-broad' : '';
    add(
      arrow.step,
      `<path class="diagram-arrow${broad}" d="${arrow.d}"/><path class="diagram-head${broad}" d="${polygon(arrow.head)}"/>`,
    );
  }
  for (const box of scene.boxes) add(box.step, boxShape(box));
  for (const box of scene.boxes) add(box.step, box.texts.map((t) => text(t, box.tone)).join(''));
  for (const arrow of scene.arrows) add(arrow.step, arrow.label.map((t) => text(t, 'bare')).join(''));
  for (const caption of scene.captions) add(caption.step, caption.texts.map((t) => text(t, 'bare')).join(''));

  const groups = [...steps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, parts]) =>
      step === 0 ? parts.join('') : `<g class="fragment" data-fragment-index="${step}">${parts.join('')}</g>`,
    );
  const ids = `${meta.id}-title ${meta.id}-desc`;
  const caption = meta.caption
    ? `<figcaption class="diagram-caption">${escapeHtml(meta.caption)}</figcaption>`
    : '';
  return (
    `<figure class="diagram diagram-${meta.kind}">` +
    `<svg class="diagram-svg" viewBox="0 0 ${scene.width} ${round(scene.height)}" role="img" aria-labelledby="${ids}">` +
    `<title id="${meta.id}-title">${escapeHtml(meta.title)}</title><desc id="${meta.id}-desc">${escapeHtml(meta.description)}</desc>` +
    groups.join('') +
    `</svg>${caption}</figure>`
  );
}

function boxShape(box: SceneBox): string {
  if (box.tone === 'bare') return '';
  const { x, y, width, height } = box.rect;
  const bullets = box.bullets
    .map(
      (b) =>
        `<rect class="diagram-bullet" x="${round(b.x)}" y="${round(b.y)}" width="${b.width}" height="${b.height}" rx="2"/>`,
    )
    .join('');
  const tone = `diagram-box is-${box.tone}`;
  switch (box.shape) {
    case 'rect':
    case 'pill': {
      const radius = box.shape === 'pill' ? height / 2 : RADIUS;
      return `<rect class="${tone}" x="${x}" y="${y}" width="${width}" height="${height}" rx="${round(radius)}"/>${bullets}`;
    }
    case 'chevron':
    case 'chevron-first':
      return `<path class="${tone}" d="${polygon(outline(box))}"/>${bullets}`;
  }
}

function text(line: SceneText, tone: Tone): string {
  const style = TEXT_ROLES[line.role];
  const classes = [
    'diagram-text',
    `diagram-${line.role}`,
    `on-${tone}`,
    ...(style.bold ? [DIAGRAM_BOLD_CLASS] : []),
  ];
  const anchor = line.anchor === 'middle' ? ' text-anchor="middle"' : '';
  return `<text class="${classes.join(' ')}" x="${round(line.x)}" y="${round(line.y)}" font-size="${style.size}"${anchor}>${escapeHtml(line.text)}</text>`;
}

function polygon(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join('') + 'Z';
}
