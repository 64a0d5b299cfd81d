// Checks a laid-out diagram the way a designer would look at it, on the computed geometry:
// everything on the drawing, no box on top of another, every word inside its box, labels clear
// of boxes, arrows from edge to edge, text large enough to read from the back of the room.
// Returns the problems found (an empty list is a clean drawing).
import {
  inside,
  onEdge,
  outline,
  overlaps,
  textRect,
  TEXT_ROLES,
  type Point,
  type Rect,
  type Scene,
  type SceneBox,
} from '../../../src/node/diagram/scene.js';
import { renderDiagram } from '../../../src/node/diagram/render-diagram.js';

export function sceneProblems(scene: Scene): string[] {
  const problems: string[] = [];
  const drawing: Rect = { x: 0, y: 0, width: scene.width, height: scene.height };
  const boxes = new Map(scene.boxes.map((b) => [b.id, b]));
  const freeTexts = [
    ...scene.arrows.flatMap((a) => a.label.map((t) => ({ t, owner: `label of ${a.from}→${a.to}` }))),
    ...scene.captions.flatMap((c) => c.texts.map((t) => ({ t, owner: 'caption' }))),
  ];

  for (const box of scene.boxes) {
    if (!inside(box.rect, drawing)) problems.push(`box ${box.id} is off the drawing`);
    if (!inside(box.inner, box.rect)) problems.push(`box ${box.id}: its text area is not inside it`);
    if (box.shape.startsWith('chevron') && !insidePolygon(box.inner, outline(box)))
      problems.push(`box ${box.id}: its text area crosses the chevron's slanted edges`);
    for (const text of box.texts) {
      if (!inside(textRect(text), box.inner, 0.5))
        problems.push(`box ${box.id}: "${text.text}" is outside its text area`);
    }
    for (const bullet of box.bullets)
      if (!inside(bullet, box.inner)) problems.push(`box ${box.id}: a bullet is outside it`);
    if (box.parent) {
      const parent = boxes.get(box.parent);
      if (!parent || !inside(box.rect, parent.inner))
        problems.push(`box ${box.id} is not inside ${box.parent}`);
    }
  }
  for (const [i, a] of scene.boxes.entries()) {
    for (const b of scene.boxes.slice(i + 1)) {
      if (a.parent === b.id || b.parent === a.id) continue;
      if (overlaps(a.rect, b.rect)) problems.push(`boxes ${a.id} and ${b.id} overlap`);
    }
  }
  const allTexts = [...scene.boxes.flatMap((b) => b.texts), ...freeTexts.map((f) => f.t)];
  for (const text of allTexts)
    if (TEXT_ROLES[text.role].size < 24) problems.push(`"${text.text}" is set below 24 px`);
  for (const [i, { t, owner }] of freeTexts.entries()) {
    const rect = textRect(t);
    if (!inside(rect, drawing)) problems.push(`${owner}: "${t.text}" is off the drawing`);
    const hit = scene.boxes.find((b) => b.tone !== 'bare' && overlaps(rect, b.rect));
    if (hit) problems.push(`${owner}: "${t.text}" overlaps box ${hit.id}`);
    for (const other of freeTexts.slice(i + 1))
      if (overlaps(rect, textRect(other.t)))
        problems.push(`${owner}: "${t.text}" overlaps "${other.t.text}"`);
  }
  for (const arrow of scene.arrows) {
    const from = boxes.get(arrow.from);
    const to = boxes.get(arrow.to);
    const name = `arrow ${arrow.from}→${arrow.to}`;
    if (!from || !to) {
      problems.push(`${name} joins a box that is not there`);
      continue;
    }
    if (!onEdge(arrow.start, from.rect)) problems.push(`${name} does not start on the edge of ${from.id}`);
    if (!onEdge(arrow.end, to.rect)) problems.push(`${name} does not end on the edge of ${to.id}`);
    if (arrow.head[0] !== arrow.end) problems.push(`${name}: its head's tip is not its end`);
    for (const point of [arrow.start, arrow.end, ...arrow.head])
      if (!inside({ ...point, width: 0, height: 0 }, drawing, 0.5))
        problems.push(`${name} leaves the drawing`);
    if (arrow.step < Math.max(from.step, to.step)) problems.push(`${name} shows before a box it joins`);
    for (const label of arrow.label) {
      const hit = scene.boxes.find((b) => overlaps(textRect(label), b.rect));
      if (hit) problems.push(`${name}: its label overlaps ${hit.id}`);
    }
  }
  return problems;
}

/** The scene of a diagram block that must render; fails loudly with its problems otherwise. */
export function sceneOf(source: string): Scene {
  const result = renderDiagram(source);
  if (!result.scene) throw new Error(`the diagram has problems: ${JSON.stringify(result.problems)}`);
  return result.scene;
}

export function box(scene: Scene, id: string): SceneBox {
  const found = scene.boxes.find((b) => b.id === id);
  if (!found) throw new Error(`no box ${id}`);
  return found;
}

/** Whether `rect` lies inside the convex polygon `points` (all four corners). */
function insidePolygon(rect: Rect, points: Point[]): boolean {
  const corners = [
    { x: rect.x, y: rect.y },
    { x: rect.x + rect.width, y: rect.y },
    { x: rect.x + rect.width, y: rect.y + rect.height },
    { x: rect.x, y: rect.y + rect.height },
  ];
  // A chevron with a notch is not convex: check against its rect, and keep clear of the point and the notch.
  return corners.every((c) => pointInPolygon(c, points));
}

function pointInPolygon(p: Point, polygon: Point[]): boolean {
  let insideIt = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    const onSegment =
      Math.abs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) < 0.5 &&
      p.x >= Math.min(a.x, b.x) - 0.5 &&
      p.x <= Math.max(a.x, b.x) + 0.5 &&
      p.y >= Math.min(a.y, b.y) - 0.5 &&
      p.y <= Math.max(a.y, b.y) + 0.5;
    if (onSegment) return true;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      insideIt = !insideIt;
  }
  return insideIt;
}
