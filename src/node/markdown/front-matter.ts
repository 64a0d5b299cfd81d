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

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const CSS_COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|rgba|hsl|hsla|oklch)\([\d\s.,%/+-]+\))$/;

type Check = (value: unknown) => string | null;

const isText: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be a non-empty text');

/** One row per allowed key: what it must be. Adding a key is adding a row (and a field in SlideAttributes). */
const KEY_CHECKS: Record<keyof SlideAttributes, Check> = {
  id: (v) =>
    typeof v === 'string' && ID_PATTERN.test(v)
      ? null
      : 'must be lowercase ASCII letters, digits and dashes, e.g. `openai-team`',
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

export interface FrontMatterResult {
  attributes: SlideAttributes;
  diagnostics: Diagnostic[];
}

/** Parses front matter text that starts at 1-based `line` of `file`. */
export function parseFrontMatter(text: string, file: string, line: number): FrontMatterResult {
  const diagnostics: Diagnostic[] = [];
  const report = (offsetLine: number, message: string) =>
    diagnostics.push({ severity: 'error', code: 'front-matter', file, line: line + offsetLine - 1, message });
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
      report(at, `unknown front-matter key \`${key}\` (allowed: ${Object.keys(KEY_CHECKS).join(', ')})`);
      continue;
    }
    const value: unknown = isScalar(pair.value) ? pair.value.value : pair.value?.toJSON();
    const problem = KEY_CHECKS[key as keyof SlideAttributes](value);
    if (problem) report(at, `\`${key}\` ${problem} (got ${JSON.stringify(value) ?? 'nothing'})`);
    else attributes[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { attributes, diagnostics };
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
