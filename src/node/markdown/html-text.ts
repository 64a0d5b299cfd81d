// The text of built slide HTML, read with a real HTML parser (htmlparser2): which characters a
// slide shows decides which glyphs the font subset ships, so entities, comments, attributes and
// foreign SVG/MathML content are read exactly as a browser reads them.
import { Parser } from 'htmlparser2';

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

interface Walk {
  text?: (text: string, ancestors: readonly HtmlElement[]) => void;
  attribute?: (name: string, value: string) => void;
}

/** Every non-blank text node in `html` with its ancestor elements; runs at build time. */
export function textRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
  walkHtml(html, {
    text: (text, ancestors) => {
      if (text.trim()) runs.push({ text, ancestors: [...ancestors] });
    },
  });
  return runs;
}

/** What a person reads in `html` (MathML copies of formulas left out), whitespace collapsed: titles and notes. */
export function plainText(html: string): string {
  let text = '';
  walkHtml(html, {
    text: (run, ancestors) => {
      if (!ancestors.some((e) => e.tag === 'math')) text += run;
    },
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** The values of the named attributes (e.g. `alt`, `aria-label`) anywhere in `html`, decoded. */
export function attributeTexts(html: string, names: readonly string[]): string[] {
  const values: string[] = [];
  walkHtml(html, {
    attribute: (name, value) => {
      if (names.includes(name)) values.push(value);
    },
  });
  return values;
}

/**
 * Markdown text with its character references (`&copy;`, `&#8230;`, `&nbsp;`) decoded as a browser
 * decodes them in text; the slide HTML then carries the character itself, escaped again on output.
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  let decoded = '';
  // `<` escaped first, so the parser reads it all as one text node.
  walkHtml(text.replace(/</g, '&lt;'), { text: (run) => (decoded += run) });
  return decoded;
}

function walkHtml(html: string, walk: Walk): void {
  const stack: HtmlElement[] = [];
  // Text arrives in pieces (around entities): join them so each text node is one run.
  let pending = '';
  const flush = () => {
    if (pending) walk.text?.(pending, stack);
    pending = '';
  };
  const parser = new Parser(
    {
      onattribute: (name, value) => walk.attribute?.(name.toLowerCase(), value),
      onopentag: (tag, attributes) => {
        flush();
        stack.push({
          tag: tag.toLowerCase(),
          classes: (attributes.class ?? '').split(/\s+/).filter(Boolean),
        });
      },
      onclosetag: () => {
        flush();
        stack.pop();
      },
      ontext: (text) => {
        pending += text;
      },
      oncomment: flush,
    },
    // Self-closing tags close SVG elements (`<rect/>`), as the browser does inside <svg>.
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
}
