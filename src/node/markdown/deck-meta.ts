// Reads `slides/deck.yaml`: the talk's title, author, venue, language and planned duration.
import { LineCounter, parseDocument } from 'yaml';
import type { DeckMeta, Diagnostic } from '../../shared/deck.js';
import { errorLine } from './front-matter.js';

const DEFAULT_META: DeckMeta = { title: 'Untitled talk', author: '', lang: 'zh-CN' };
const FIELDS: Record<keyof DeckMeta, 'string' | 'number'> = {
  title: 'string',
  author: 'string',
  venue: 'string',
  lang: 'string',
  duration: 'number',
};
const REQUIRED: (keyof DeckMeta)[] = ['title', 'author'];

/** Parses deck.yaml (may be empty: every field then takes its default, and the missing ones are reported). */
export function parseDeckMeta(text: string, file: string): { meta: DeckMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, message: string) =>
    diagnostics.push({ severity: 'error', code: 'deck-meta', file, line, message });
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  for (const error of doc.errors)
    report(errorLine(error, doc, text, counter), `bad YAML: ${error.message.split('\n')[0]}`);
  const data = (doc.errors.length === 0 ? doc.toJSON() : null) as Record<string, unknown> | null;
  const meta: DeckMeta = { ...DEFAULT_META };
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
      const line = counter.linePos(node?.range?.[0] ?? 0).line;
      const type = FIELDS[key as keyof DeckMeta];
      if (!type) report(line, `unknown key \`${key}\` (allowed: ${Object.keys(FIELDS).join(', ')})`);
      else if (typeof value !== type)
        report(line, `\`${key}\` must be a ${type === 'number' ? 'number' : 'text'}`);
      else (meta as unknown as Record<string, unknown>)[key] = value;
    }
  }
  // Unreadable YAML is reported above; saying that every key is missing too would only be noise.
  if (doc.errors.length === 0)
    for (const key of REQUIRED) if (!data || !(key in data)) report(1, `deck.yaml needs \`${key}\``);
  return { meta, diagnostics };
}
