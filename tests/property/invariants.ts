// What must hold for any deck the pipeline returns, whatever it was given: every problem is at a
// real line of a real file, the slide HTML passes the safety rules when read by a real HTML
// parser (htmlparser2, not the regexes the pipeline itself uses), and notes stay off the slides.
import { Parser } from 'htmlparser2';
import type { Deck } from '../../src/shared/deck.js';

/** Elements no slide may carry: they run code, load pages or restyle the deck. */
const UNSAFE_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'form',
  'foreignobject',
]);
/** Browsers drop white space and control characters inside a URL scheme. */
const URL_NOISE = /[\s\p{Cc}]+/gu;
/** A URL that runs script: its scheme, as a browser reads it (an `https:` URL may say `javascript:` in its path). */
const SCRIPT_URL = /^(java|vb)script:/i;
/** Attributes a browser reads as a URL (SVG animations set one with `to`, `values`, `from`, `by`). */
const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
  'ping',
  'manifest',
  'to',
  'values',
  'from',
  'by',
]);
/** Output drawn from a fenced block's source, or reporting problems with the source. */
const QUOTING_CLASSES = new Set(['chart', 'diagram', 'deck-error', 'deck-problems']);
/** KaTeX positions its boxes with style attributes (the page's CSP allows inline styles for it). */
const KATEX = 'katex';

/** 1-based line count of a file as the pipeline counts lines (CRLF, CR or LF). */
export function lineCount(content: string | Uint8Array): number {
  if (typeof content === 'string') return content.split(/\r\n?|\n/).length;
  let lines = 1;
  for (let i = 0; i < content.length; i++)
    if (content[i] === 0x0a || (content[i] === 0x0d && content[i + 1] !== 0x0a)) lines++;
  return lines;
}

/**
 * Problems with a deck: `files` maps each file the deck was made of (relative to the root, as
 * diagnostics name them) to its content; `folder` is the slides folder's name.
 */
export function deckViolations(
  deck: Deck,
  files: Record<string, string | Uint8Array>,
  folder: string,
): string[] {
  const found: string[] = [];
  for (const d of deck.diagnostics) {
    const where = `${d.file}:${d.line} (${d.code}: ${d.message})`;
    const content = files[d.file];
    if (content === undefined && d.file !== folder && d.file !== `${folder}/deck.yaml`)
      found.push(`diagnostic names a file that was not given: ${where}`);
    if (!Number.isInteger(d.line) || d.line < 1) found.push(`diagnostic line is not ≥ 1: ${where}`);
    else if (content !== undefined && d.line > lineCount(content))
      found.push(`diagnostic line is past the end of the file (${lineCount(content)} lines): ${where}`);
    if (!d.message || /[\r\n]/.test(d.message))
      found.push(`diagnostic message is empty or not one line: ${where}`);
    if (!d.code) found.push(`diagnostic has no code: ${where}`);
  }
  deck.slides.forEach((slide, index) => {
    if (slide.index !== index) found.push(`slide ${index} says it is slide ${slide.index}`);
    // The id is the slide's URL: a slug that reveal.js cannot read as a slide number.
    if (!/^[a-z][a-z0-9-]*$/.test(slide.id))
      found.push(`slide ${index} has the id ${JSON.stringify(slide.id)}`);
    for (const [part, html] of [
      ['html', slide.html],
      ['notesHtml', slide.notesHtml],
    ] as const)
      for (const problem of unsafeHtml(html)) found.push(`slide ${index} ${part}: ${problem}`);
  });
  return found;
}

/** What in `html` a browser would run or let restyle the page, read with a real HTML parser. */
export function unsafeHtml(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('a <script in the HTML text');
  const stack: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const inKatex = (stack.at(-1) ?? false) || (attributes.class ?? '').split(/\s+/).includes(KATEX);
        stack.push(inKatex);
        if (UNSAFE_ELEMENTS.has(name.toLowerCase())) found.push(`a <${name}> element`);
        for (const [attribute, value] of Object.entries(attributes)) {
          const lower = attribute.toLowerCase();
          // Any name starting with `on`, with code in it (a bare `on`, or `onclick` without a value, runs nothing).
          if (/^on./.test(lower) && value.trim() !== '') found.push(`an ${attribute}= attribute`);
          if (lower === 'style' && !inKatex) found.push(`a style= attribute outside KaTeX: ${value}`);
          if (lower === 'srcdoc') found.push('a srcdoc= attribute');
          // `srcset` and SVG `values` hold lists of URLs.
          const urls = value.replace(URL_NOISE, '').split(/[,;]/);
          if (URL_ATTRIBUTES.has(lower) && urls.some((url) => SCRIPT_URL.test(url)))
            found.push(`a script URL in ${attribute}=`);
        }
      },
      onclosetag() {
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/**
 * Whether `secret` shows on a slide as text or in an attribute, outside what quotes the source:
 * code (a fence may hold a `Note:` line), a chart or diagram (drawn from a fenced block), an error
 * box and a broken slide's problem list (reports to the author, in the dev server only, which may
 * quote the source; the build refuses such a deck).
 */
export function showsOutsideCode(html: string, secret: string): boolean {
  let shows = false;
  // One entry per open element: whether it or an ancestor quotes the source.
  const quoted: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const classes = (attributes.class ?? '').split(/\s+/);
        quoted.push(
          (quoted.at(-1) ?? false) ||
            name === 'code' ||
            name === 'pre' ||
            classes.some((c) => QUOTING_CLASSES.has(c)),
        );
        if (!quoted.at(-1) && Object.values(attributes).some((value) => value.includes(secret))) shows = true;
      },
      onclosetag() {
        quoted.pop();
      },
      ontext(text) {
        if (!(quoted.at(-1) ?? false) && text.includes(secret)) shows = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return shows;
}
