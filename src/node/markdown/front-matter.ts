// Parses and checks a slide's YAML front matter. Every problem becomes a diagnostic with the
// line it is on; nothing is half-accepted (Slidev's gap): a bad key is reported, not ignored.
import {
  parseDocument,
  isMap,
  isScalar,
  type Document,
  type Pair,
  type Node as YamlNode,
  type YAMLError,
  LineCounter,
} from 'yaml';
import { TRANSITIONS, type Diagnostic, type SlideAttributes } from '../../shared/deck.js';
import { readFrontMatterLines } from './front-matter-lines.js';

/**
 * A slide id is its URL (`#/openai-team`): a lowercase ASCII slug that starts with a letter.
 * Never all digits, which reveal.js reads as a slide number (`#/3` is the fourth slide).
 */
const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const MAX_ID_CHARS = 64;
const CSS_COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla|oklch)\([\d\s.,%/+-]+\))$/;

type Check = (value: unknown) => string | null;

const isText: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be a non-empty text');

/** One row per allowed key: what it must be. Adding a key is adding a row (and a field in SlideAttributes). */
const KEY_CHECKS: Record<keyof SlideAttributes, Check> = {
  id: (v) => {
    if (typeof v === 'number') return `must be text starting with a letter, e.g. \`id: y${v}\``;
    if (typeof v !== 'string' || !ID_PATTERN.test(v))
      return /^\d+$/.test(String(v))
        ? `must start with a letter (reveal.js reads an all-digit id as a slide number), e.g. \`id: y${String(v)}\``
        : 'must be lowercase ASCII letters, digits and dashes, starting with a letter, e.g. `openai-team`';
    return v.length > MAX_ID_CHARS ? `must be at most ${MAX_ID_CHARS} characters` : null;
  },
  class: (v) =>
    isText(v) ?? (/^[\w\s-]+$/.test(String(v)) ? null : 'must be CSS class names separated by spaces'),
  transition: (v) =>
    (TRANSITIONS as readonly unknown[]).includes(v) ? null : `must be one of ${TRANSITIONS.join(', ')}`,
  background: (v) =>
    typeof v === 'string' && CSS_COLOR.test(v.trim()) ? null : 'must be a CSS colour such as #0f1a2e',
  timing: (v) =>
    typeof v === 'number' && v > 0 && Number.isFinite(v) ? null : 'must be a positive number of seconds',
  minutes: (v) =>
    typeof v === 'number' && v > 0 && Number.isFinite(v) ? null : 'must be a positive number of minutes',
  'part-minutes': (v) =>
    typeof v === 'number' && v > 0 && Number.isFinite(v) ? null : 'must be a positive number of minutes',
  build: (v) => (v === 'items' ? null : 'the only value is `items`'),
};

export const FRONT_MATTER_KEYS = Object.keys(KEY_CHECKS) as (keyof SlideAttributes)[];

/** The allowed key an author probably meant by `name`: itself, or the same in another case or a letter or two off; null if none. */
export function intendedKey(name: string): keyof SlideAttributes | null {
  const plain = (key: string) => key.toLowerCase().replace(/[-_]/g, '');
  const exact = FRONT_MATTER_KEYS.find((key) => key === name || plain(key) === plain(name));
  if (exact) return exact;
  if (name.length < 3) return null;
  const tolerance = name.length >= 6 ? 2 : 1;
  return FRONT_MATTER_KEYS.find((key) => editDistance(plain(key), plain(name)) <= tolerance) ?? null;
}

/** Whether `value` (as YAML reads it) is allowed for `key`. */
export function isValidValue(key: keyof SlideAttributes, value: unknown): boolean {
  return KEY_CHECKS[key](value) === null;
}

export interface FrontMatterResult {
  attributes: SlideAttributes;
  diagnostics: Diagnostic[];
}

/** Parses front matter text that starts at 1-based `line` of `file`. */
export function parseFrontMatter(source: string, file: string, line: number): FrontMatterResult {
  const diagnostics: Diagnostic[] = [];
  const report = (offsetLine: number, message: string) =>
    diagnostics.push({ severity: 'error', code: 'front-matter', file, line: line + offsetLine - 1, message });
  const text = repairNearMisses(source, report);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  // `linePos` is only filled in by prettyErrors (which also rewrites the message): count lines from `pos`.
  for (const error of doc.errors)
    report(errorLine(error, doc, text, counter), `bad YAML front matter: ${firstSentence(error.message)}`);
  if (doc.errors.length > 0) return { attributes: {}, diagnostics };
  if (doc.contents === null) return { attributes: {}, diagnostics };
  if (!isMap(doc.contents)) {
    report(1, 'front matter must be `key: value` lines');
    return { attributes: {}, diagnostics };
  }
  const attributes: Record<string, unknown> = {};
  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const keyNode = pair.key;
    const at = counter.linePos(keyNode?.range?.[0] ?? 0).line;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    if (!(key in KEY_CHECKS)) {
      const meant = intendedKey(key);
      report(
        at,
        meant
          ? `unknown front-matter key \`${key}\` (did you mean \`${meant}\`?)`
          : `unknown front-matter key \`${key}\` (allowed: ${FRONT_MATTER_KEYS.join(', ')})`,
      );
      continue;
    }
    const value = yamlValue(pair.value);
    const problem = KEY_CHECKS[key as keyof SlideAttributes](value);
    // `background: #fff` is a key and a comment to YAML.
    const comment = value === null && /:\s+#/.test(text.split('\n')[at - 1] ?? '');
    if (problem)
      report(
        at,
        `\`${key}\` ${problem} (got ${shortJson(value)})${comment ? ' (put the value in quotes: after a space, # starts a YAML comment)' : ''}`,
      );
    else attributes[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { attributes, diagnostics };
}

/**
 * Reports the key lines YAML would misread (an indented key, a full-width colon, no space after
 * the colon) and returns the text with them written right, so the other keys still count.
 */
function repairNearMisses(text: string, report: (offsetLine: number, message: string) => void): string {
  const lines = text.split('\n');
  readFrontMatterLines(lines).forEach((read, i) => {
    if (read.kind !== 'key') return;
    const { key, value } = read;
    const written = `${key}: ${value.trim()}`;
    if (read.indent)
      report(i + 1, `front-matter keys start the line: remove the indentation before \`${key}\``);
    if (read.colon === '：')
      report(i + 1, `\`${key}：\` has a full-width colon: write \`${written}\` with a plain colon`);
    else if (!read.spaced) report(i + 1, `write a space after the colon: \`${written}\``);
    if (read.indent || read.colon === '：' || !read.spaced) lines[i] = written;
  });
  return lines.join('\n');
}

/** A YAML value as data, for front matter and deck.yaml; an alias bomb (`&a [*a, *a]`…) is no value, not a crash. */
export function yamlValue(node: YamlNode | null): unknown {
  try {
    return node?.toJSON();
  } catch {
    return undefined;
  }
}

/** A value quoted in a message: JSON, on one line, cut short. */
export function shortJson(value: unknown): string {
  // JSON has no Infinity or NaN (`.inf`, `.nan` in YAML): it would print them as null.
  const json =
    typeof value === 'number' && !Number.isFinite(value)
      ? String(value)
      : (JSON.stringify(value) ?? 'nothing');
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** Letters to add, drop or change to turn `a` into `b` (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/** 1-based line of a YAML error in `text`, for front matter and deck.yaml alike. */
export function errorLine(error: YAMLError, doc: Document, text: string, counter: LineCounter): number {
  const at = error.pos[0];
  if (at < 0) return 1;
  // An unclosed `[`, `{` or quote is only noticed where the next key starts, or at the end:
  // point at the line the value opens on, where the fix is.
  if (error.code === 'MISSING_CHAR' || (error.code === 'BAD_INDENT' && error.message.startsWith('Flow'))) {
    const pairs = (isMap(doc.contents) ? doc.contents.items : []) as Pair<YamlNode, YamlNode>[];
    const open = pairs.find(
      (pair) => pair.value?.range && pair.value.range[0] < at && at <= pair.value.range[2],
    );
    if (open) return counter.linePos(open.value!.range![0]).line;
  }
  return counter.linePos(Math.min(at, text.trimEnd().length)).line;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
