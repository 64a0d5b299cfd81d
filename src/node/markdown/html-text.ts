// The text nodes of built slide HTML with the elements around each, so the font steps can ask
// "which characters render bold" or "in which KaTeX face". A small tag walker, enough for the
// HTML our own build emits (Marked, KaTeX, the chart SVG), not a general HTML parser.

/** One element around a text node: its tag (lower case) and classes. */
export interface HtmlElement {
  tag: string;
  classes: string[];
}

/** A text node with its ancestors, outermost first. */
export interface TextRun {
  text: string;
  ancestors: HtmlElement[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
const CLASS_ATTRIBUTE = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Every non-blank text node in `html` with its ancestor elements; runs at build time. */
export function textRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
  const stack: HtmlElement[] = [];
  for (const [token, closing, opening, attributes = '', text] of html.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (text.trim()) runs.push({ text: decodeEntities(text), ancestors: [...stack] });
    } else if (opening) {
      const tag = opening.toLowerCase();
      if (VOID_TAGS.has(tag) || token.endsWith('/>')) continue;
      const match = CLASS_ATTRIBUTE.exec(attributes);
      const classes = (match?.[1] ?? match?.[2] ?? '').split(/\s+/).filter(Boolean);
      stack.push({ tag, classes });
    } else if (closing) {
      // Tolerates a stray closing tag: pop back to the matching element, if there is one.
      const at = stack.map((e) => e.tag).lastIndexOf(closing.toLowerCase());
      if (at >= 0) stack.length = at;
    }
  }
  return runs;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return NAMED_ENTITIES[lower] ?? entity;
  });
}
