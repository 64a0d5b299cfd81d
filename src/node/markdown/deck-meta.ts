// Reads `slides/deck.yaml`: the talk's title, author, venue, language and planned duration. Every
// value is checked against a schema (a closed set of keys, each with its type and range): the
// values end up in the page's <html lang>, <title> and the PDF's metadata.
import { LineCounter, isMap, parseDocument, type Pair, type Node as YamlNode } from 'yaml';
import type { DeckMeta, Diagnostic } from '../../shared/deck.js';
import { errorLine, shortJson, yamlValue } from './front-matter.js';

const DEFAULT_META: DeckMeta = { title: 'Untitled talk', author: '', lang: 'zh-CN' };

/**
 * A well-formed BCP 47 language tag (RFC 5646 `langtag`): language (with extended subtags),
 * script, region, variants, extensions, private use. `zh-CN`, `en`, `zh-Hans-CN`, `en-GB`.
 */
const LANGUAGE_TAG =
  /^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$/i;
const MAX_LANGUAGE_TAG_CHARS = 35;
const MAX_TEXT_CHARS = 120;
/** Line breaks and other control characters: a title or name is one line of text. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
const MIN_DURATION = 1;
const MAX_DURATION = 600;

type Check = (value: unknown) => string | null;

const oneLineText: Check = (v) => {
  if (typeof v !== 'string') return 'must be text';
  if (v.trim() === '') return 'must not be empty';
  if (NOT_ONE_LINE.test(v)) return 'must be one line of text';
  return v.length > MAX_TEXT_CHARS ? `must be at most ${MAX_TEXT_CHARS} characters` : null;
};

/** One row per allowed key: what its value must be. Adding a key is adding a row (and a field in DeckMeta). */
const FIELDS: Record<keyof DeckMeta, Check> = {
  title: oneLineText,
  author: oneLineText,
  venue: oneLineText,
  lang: (v) =>
    typeof v === 'string' && v.length <= MAX_LANGUAGE_TAG_CHARS && LANGUAGE_TAG.test(v)
      ? null
      : 'must be a language tag such as zh-CN, en, zh-Hans-CN or en-GB',
  duration: (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= MIN_DURATION && v <= MAX_DURATION
      ? null
      : `must be a number of minutes from ${MIN_DURATION} to ${MAX_DURATION}`,
};
const REQUIRED: (keyof DeckMeta)[] = ['title', 'author'];

/** Parses deck.yaml (may be empty: every field then takes its default, and the missing ones are reported). */
export function parseDeckMeta(text: string, file: string): { meta: DeckMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string) =>
    diagnostics.push({ severity: 'error', code: 'deck-meta', file, line, message });
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors)
    report(errorLine(error, doc, text, counter), `bad YAML: ${error.message.split('\n')[0]}`);
  const meta: DeckMeta = { ...DEFAULT_META };
  // Unreadable YAML is reported above; saying that every key is missing too would only be noise.
  if (doc.errors.length > 0) return { meta, diagnostics };
  if (doc.contents !== null && !isMap(doc.contents)) {
    report(1, 'deck.yaml must be `key: value` lines (title, author, venue, lang, duration)');
    return { meta, diagnostics };
  }
  const seen = new Set<string>();
  for (const pair of (doc.contents?.items ?? []) as Pair<YamlNode, YamlNode>[]) {
    const key = String(pair.key?.toJSON());
    const line = counter.linePos(pair.key?.range?.[0] ?? 0).line;
    seen.add(key);
    const check = FIELDS[key as keyof DeckMeta] as Check | undefined;
    if (!check) {
      report(line, `unknown key \`${key}\` (allowed: ${Object.keys(FIELDS).join(', ')})`);
      continue;
    }
    const value = yamlValue(pair.value);
    const problem = check(value);
    if (problem) report(line, `\`${key}\` ${problem} (got ${shortJson(value)})`);
    else (meta as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  for (const key of REQUIRED) if (!seen.has(key)) report(1, `deck.yaml needs \`${key}\``);
  return { meta, diagnostics };
}
