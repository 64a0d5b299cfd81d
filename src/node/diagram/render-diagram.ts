// A ```diagram block (YAML) to an inline SVG figure at build time. The keys every kind shares:
//   kind: flow | layers | cycle | stages | compare
//   title: …          the diagram's name (its <title>, read by screen readers)
//   description: …    what it shows, in words (its <desc>); say 示意图，无数据 for a schematic
//   caption: …        optional words shown under it
// and each kind's own keys (see flow.ts, layers.ts, cycle.ts, stages.ts, compare.ts). A bad
// block gives problems with their line in the block and an error box in place of the picture.
import { createHash } from 'node:crypto';
import { isMap, isScalar, type Pair, type Node as YamlNode } from 'yaml';
import { escapeHtml } from '../../shared/escape-html.js';
import { compare } from './compare.js';
import { cycle } from './cycle.js';
import { flow } from './flow.js';
import type { DiagramKind } from './kind.js';
import { layers } from './layers.js';
import type { LayoutContext } from './layout.js';
import { measureText, type Measure } from './measure.js';
import type { Scene } from './scene.js';
import { parseYaml, readFields, SourceLines, type DiagramProblem, type Fields } from './spec.js';
import { stages } from './stages.js';
import { sceneSvg } from './svg.js';

/** The fence language of a diagram block. */
export const DIAGRAM_LANG = 'diagram';

export const DIAGRAM_KINDS = { flow, layers, cycle, stages, compare } as const;
export type DiagramKindName = keyof typeof DIAGRAM_KINDS;

const COMMON_FIELDS: Fields = {
  kind: { type: 'text', required: true },
  title: { type: 'text', required: true },
  description: { type: 'text', required: true },
  caption: { type: 'text' },
};

export interface DiagramResult {
  /** The figure, or an error box naming the problems. */
  html: string;
  /** Lines are 1-based inside the block's YAML. */
  problems: DiagramProblem[];
  /** The laid-out drawing (null when the block has problems). */
  scene: Scene | null;
}

export interface DiagramOptions {
  /** The slide file, so ids differ between identical blocks in different files. */
  file?: string;
  measure?: Measure;
}

export function renderDiagram(source: string, options: DiagramOptions = {}): DiagramResult {
  const { root, lineOf, problems } = parseYaml(source);
  if (problems.length > 0) return failed(problems);
  const kindName = kindOf(root, lineOf, problems);
  if (!kindName) return failed(problems);
  const kind = DIAGRAM_KINDS[kindName] as DiagramKind<unknown>;
  const lines = new SourceLines();
  const data = readFields(root, { ...COMMON_FIELDS, ...kind.fields }, 'the diagram', lineOf, lines, problems);
  if (!data || problems.length > 0) return failed(problems);
  const context: LayoutContext = {
    measure: options.measure ?? measureText,
    lines,
    problem: (owner, key, message) => problems.push({ line: lines.of(owner, key), message }),
  };
  const scene = kind.layout(data, context);
  if (problems.length > 0) return failed(problems);
  const id = `diagram-${createHash('sha256')
    .update(`${options.file ?? ''}\0${source}`)
    .digest('hex')
    .slice(0, 10)}`;
  const html = sceneSvg(scene, {
    id,
    kind: kindName,
    title: data.title as string,
    description: data.description as string,
    ...(typeof data.caption === 'string' ? { caption: data.caption } : {}),
  });
  return { html, problems: [], scene };
}

/** The block's `kind`, or a problem saying what is wrong with it. */
function kindOf(
  root: YamlNode | null,
  lineOf: (node: YamlNode | null | undefined) => number,
  problems: DiagramProblem[],
): DiagramKindName | null {
  const known = Object.keys(DIAGRAM_KINDS).join(', ');
  if (!isMap(root)) {
    problems.push({
      line: lineOf(root),
      message: `a diagram is \`key: value\` lines, starting with \`kind\` (${known})`,
    });
    return null;
  }
  const pair = (root.items as Pair<YamlNode, YamlNode>[]).find(
    (p) => isScalar(p.key) && p.key.value === 'kind',
  );
  if (!pair) {
    problems.push({ line: lineOf(root), message: `a diagram needs \`kind\`: one of ${known}` });
    return null;
  }
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (typeof value === 'string' && value in DIAGRAM_KINDS) return value as DiagramKindName;
  problems.push({
    line: lineOf(pair.key),
    message: `unknown diagram kind \`${typeof value === 'string' ? value : JSON.stringify(value ?? null)}\` (known: ${known})`,
  });
  return null;
}

function failed(problems: DiagramProblem[]): DiagramResult {
  const list = problems.map((p) => escapeHtml(p.message)).join('<br>');
  return { html: `<div class="deck-error" role="alert">diagram: ${list}</div>\n`, problems, scene: null };
}
