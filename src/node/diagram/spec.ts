// Reads a ```diagram block's YAML against a kind's field list: every problem (bad YAML, an
// unknown or missing key, a value of the wrong type, too many items) with the line of the
// block it is on, and every value with the line it came from, for the layout's own problems.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { errorLine } from '../markdown/front-matter.js';

/** A problem in a diagram block; `line` is 1-based inside the block's YAML. */
export interface DiagramProblem {
  line: number;
  message: string;
}

export type Field =
  | { type: 'text'; required?: boolean }
  | { type: 'texts'; required?: boolean; max: number; noun: string }
  | { type: 'step' }
  | { type: 'flag' }
  | { type: 'count'; max: number }
  | { type: 'object'; fields: Fields; required?: boolean }
  | { type: 'list'; fields: Fields; required?: boolean; min: number; max: number; noun: string };

export type Fields = Record<string, Field>;

/** Where each value of a read spec came from: object → key → line ('' is the object itself). */
export class SourceLines {
  private readonly lines = new WeakMap<object, Map<string, number>>();

  set(owner: object, key: string, line: number): void {
    let map = this.lines.get(owner);
    if (!map) this.lines.set(owner, (map = new Map<string, number>()));
    map.set(key, line);
  }

  /** The line of `owner[key]`, else of `owner` itself, else 1. */
  of(owner: object, key = ''): number {
    const map = this.lines.get(owner);
    return map?.get(key) ?? map?.get('') ?? 1;
  }
}

export interface ReadResult {
  data: Record<string, unknown> | null;
  lines: SourceLines;
  problems: DiagramProblem[];
}

/** Parses YAML; a syntax error is a problem on its line. */
export function parseYaml(source: string): {
  root: YamlNode | null;
  lineOf: (node: YamlNode | null | undefined) => number;
  problems: DiagramProblem[];
} {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(Math.max(0, Math.min(offset, source.length))).line;
  // An unclosed `[` is reported where the value opens, as front matter does.
  const problems = doc.errors.map((error) => ({
    line: errorLine(error, doc, source, counter),
    message: `bad YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  return {
    root: problems.length > 0 ? null : doc.contents,
    lineOf: (node) => (node?.range ? lineAt(node.range[0]) : 1),
    problems,
  };
}

/** Reads the map `node` against `fields`; `where` names it in messages (e.g. `node 2`). */
export function readFields(
  node: YamlNode | null | undefined,
  fields: Fields,
  where: string,
  lineOf: (node: YamlNode | null | undefined) => number,
  lines: SourceLines,
  problems: DiagramProblem[],
  parentLine = 1,
): Record<string, unknown> | null {
  const line = node ? lineOf(node) : parentLine;
  if (!isMap(node)) {
    problems.push({ line, message: `${where} must be \`key: value\` lines` });
    return null;
  }
  const data: Record<string, unknown> = {};
  lines.set(data, '', line);
  const seen = new Set<string>();
  for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyLine = lineOf(pair.key);
    seen.add(key);
    const field = fields[key];
    if (!field) {
      problems.push({
        line: keyLine,
        message: `unknown key \`${key}\` in ${where} (allowed: ${Object.keys(fields).join(', ')})`,
      });
      continue;
    }
    lines.set(data, key, keyLine);
    const value = readValue(pair.value, field, `\`${key}\` of ${where}`, keyLine);
    if (value !== undefined) data[key] = value;
  }
  for (const [key, field] of Object.entries(fields)) {
    if ('required' in field && field.required && !seen.has(key))
      problems.push({ line, message: `${where} needs \`${key}\`` });
  }
  return data;

  /** Reports a list longer than the slide has room for; true when it is. */
  function tooMany(count: number, field: { max: number; noun: string }, name: string, at: number): boolean {
    if (count <= field.max) return false;
    problems.push({
      line: at,
      message: `too many ${field.noun} to fit the slide: ${count} in ${name} (at most ${field.max})`,
    });
    return true;
  }

  function readValue(value: YamlNode | null, field: Field, name: string, at: number): unknown {
    const scalar = isScalar(value) ? value.value : undefined;
    switch (field.type) {
      case 'text':
        if (typeof scalar === 'string' && scalar.trim() !== '') return scalar.trim();
        problems.push({
          line: at,
          message: `${name} must be text${typeof scalar === 'number' || typeof scalar === 'boolean' ? ' (put it in quotes)' : ''}`,
        });
        return undefined;
      case 'texts': {
        if (!isSeq(value) || value.items.length === 0) {
          problems.push({ line: at, message: `${name} must be a list of texts` });
          return undefined;
        }
        if (tooMany(value.items.length, field, name, at)) return undefined;
        const texts: string[] = [];
        for (const item of value.items as YamlNode[]) {
          const text = isScalar(item) ? item.value : undefined;
          if (typeof text === 'string' && text.trim() !== '') texts.push(text.trim());
          else problems.push({ line: lineOf(item), message: `every entry of ${name} must be text` });
        }
        return texts;
      }
      case 'step':
        if (Number.isInteger(scalar) && (scalar as number) >= 1 && (scalar as number) <= 20) return scalar;
        problems.push({ line: at, message: `${name} must be a whole number from 1 to 20 (the build step)` });
        return undefined;
      case 'count':
        if (Number.isInteger(scalar) && (scalar as number) >= 1 && (scalar as number) <= field.max)
          return scalar;
        problems.push({ line: at, message: `${name} must be a whole number from 1 to ${field.max}` });
        return undefined;
      case 'flag':
        if (typeof scalar === 'boolean') return scalar;
        problems.push({ line: at, message: `${name} must be true or false` });
        return undefined;
      case 'object':
        return readFields(value, field.fields, name, lineOf, lines, problems, at) ?? undefined;
      case 'list': {
        if (!isSeq(value) || value.items.length < field.min) {
          problems.push({
            line: at,
            message: `${name} must be a list of at least ${field.min} ${field.noun}`,
          });
          return undefined;
        }
        if (tooMany(value.items.length, field, name, at)) return undefined;
        const items = (value.items as YamlNode[]).map((item, i) =>
          readFields(
            item,
            field.fields,
            `${field.noun.replace(/s$/, '')} ${i + 1}`,
            lineOf,
            lines,
            problems,
            at,
          ),
        );
        return items.every((item) => item !== null) ? items : undefined;
      }
    }
  }
}
