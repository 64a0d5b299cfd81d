// Markdown to slide HTML with one local Marked instance, configured once (the global `marked`
// is never touched). Math and charts are rendered here, at build time; images are checked and
// handed to the caller to resolve; unsafe HTML is refused. Problems come back with their line.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import type { Diagnostic } from '../../shared/deck.js';
import { decodeCharacterReferences, plainText } from './html-text.js';
import {
  MAX_LIST_ITEMS,
  MAX_NESTING,
  MAX_TABLE_COLUMNS,
  MAX_WORD_CHARS,
  nestingDepth,
  unbrokenRun,
} from './limits.js';
import { LineContext } from './line-context.js';
import { renderChart } from './render-chart.js';
import { DIAGRAM_LANG, renderDiagram } from '../diagram/render-diagram.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { renderMath } from './render-math.js';

interface MathToken extends Tokens.Generic {
  type: 'mathBlock' | 'mathInline';
  raw: string;
  tex: string;
  html: string;
  error: string | null;
}

const MATH_BLOCK = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/;
/** `$x$`, or `$$x$$` inside a paragraph (typeset in display style, but inline). */
const MATH_INLINE = /^\$\$(?!\s)([^$]+?)\$\$|^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
/** HTML a talk never needs and that could run code or restyle the page (`<svg/onload=` counts: `/` and quotes separate attributes too). */
const UNSAFE_HTML =
  /<\s*\/?\s*(script|iframe|frame|object|embed|style|link|meta|base|form)\b|[\s/"']on[^\s"'>/=]+\s*=|[\s/"']style\s*=/i;
/** Browsers drop tabs and newlines from URLs, so `java&#9;script:` still runs: test with them removed. */
const SCRIPT_URL = /(java|vb)script:/i;
const SAFE_LINK = /^(https?:|mailto:|#)/i;
/** How much of a formula a message quotes. */
const QUOTE_CHARS = 80;
/** A run of Latin words inside Chinese text, e.g. `GPT-3.5` or `Sam Altman`. */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9.'’+\- ]*[A-Za-z0-9]/g;

/** Han characters and full-width punctuation: a line break next to one is no space. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
const LINE_BREAK = /[ \t]*\n\s*/g;

/**
 * HTML shows a source line break as a space, which between Chinese sentences is a visible gap:
 * drop a break that touches a Han character or full-width punctuation (CSS Text's rule for
 * wide characters, which browsers do not apply).
 */
function joinWideLines(text: string): string {
  return text.replace(LINE_BREAK, (space: string, at: number) =>
    WIDE.test(text[at - 1] ?? '') || WIDE.test(text[at + space.length] ?? '') ? '' : ' ',
  );
}

/** Escapes text and marks English terms `lang="en"`, so a Chinese screen-reader voice spells them right. */
function markEnglish(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LATIN_RUN)) {
    if (!/[A-Za-z].*[A-Za-z]/.test(match[0])) continue;
    html += escapeHtml(text.slice(last, match.index)) + `<span lang="en">${escapeHtml(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

function mathExtension(
  name: MathToken['type'],
  pattern: RegExp,
  display: boolean,
): TokenizerAndRendererExtension {
  return {
    name,
    level: display ? 'block' : 'inline',
    // A display block only starts a line; elsewhere `$$` is inline math inside a paragraph.
    start: (src: string) => {
      const at = display ? src.search(/(?:^|\n)\$\$/) : src.indexOf('$');
      return at < 0 ? undefined : display && src[at] === '\n' ? at + 1 : at;
    },
    tokenizer(src: string) {
      const match = src.match(pattern);
      if (!match) return undefined;
      const tex = (match[1] ?? match[2])!.trim();
      const { html, error } = renderMath(
        !display && match[1] !== undefined ? `\\displaystyle ${tex}` : tex,
        display,
      );
      return { type: name, raw: match[0], tex, html, error } satisfies MathToken;
    },
    renderer: (token) => (token as MathToken).html + (display ? '\n' : ''),
  };
}

const markdown = new Marked({
  gfm: true,
  extensions: [mathExtension('mathBlock', MATH_BLOCK, true), mathExtension('mathInline', MATH_INLINE, false)],
  renderer: {
    text(token) {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      if ('escaped' in token && token.escaped) return token.text;
      // From the source (`raw`): marked decodes only numeric references into `text`, and turns
      // every other `&` into `&amp;`, which escaping again would show as `&amp;copy;`.
      return markEnglish(decodeCharacterReferences(joinWideLines(token.raw)));
    },
    list(token) {
      const tag = token.ordered ? 'ol' : 'ul';
      const start = token.ordered && token.start !== 1 && token.start !== '' ? ` start="${token.start}"` : '';
      const build = (token as Tokens.List & { build?: boolean }).build;
      const items = token.items.map((item) => {
        const html = this.listitem(item);
        return build ? html.replace(/^<li>/, '<li class="fragment">') : html;
      });
      return `<${tag}${start}>\n${items.join('')}</${tag}>\n`;
    },
    code(token) {
      if (token.lang === 'chart') return (token as Tokens.Code & { chartHtml?: string }).chartHtml ?? '';
      const lang = token.lang ? ` class="language-${escapeHtml(token.lang)}"` : '';
      return `<pre><code${lang}>${escapeHtml(token.text)}</code></pre>\n`;
    },
  },
});

/** Where an image's href leads: the URL to emit, or why the picture cannot be shown. */
export type ImageLookup = { url: string } | { problem: string };

export interface RenderContext {
  file: string;
  /** 1-based line of the first line of `content` in the file. */
  line: number;
  /** Turns an image's href into the URL to emit, or the problem with it (missing, not an image, outside the project). */
  resolveImage: (href: string) => ImageLookup;
  /** `items`: top-level list items become build steps. */
  build?: 'items';
}

export interface RenderedMarkdown {
  html: string;
  title: string;
  level: number;
  diagnostics: Diagnostic[];
}

/**
 * 0-based lines of `content` that marked renders as code or inside an HTML comment block (top-level
 * blocks, which is where a line starting at column 0 can be): the notes splitter asks, so that
 * a `Note:` it takes for quoted is quoted for the renderer too. Runs only when a notes marker
 * sits in what looks like a fence or comment; empty when marked fails (then nothing is quoted).
 */
export function quotedLines(content: string): ReadonlySet<number> {
  const quoted = new Set<number>();
  if (tooDeep(content) >= 0) return quoted;
  let tokens: Token[];
  try {
    tokens = markdown.lexer(content);
  } catch {
    return quoted;
  }
  // Top-level tokens cover the source in order; if they do not, nothing is taken as quoted.
  if (tokens.map((token) => token.raw).join('') !== content.replace(/\r\n?/g, '\n')) return quoted;
  let line = 0;
  for (const token of tokens) {
    const lines = token.raw.split('\n').length - 1;
    const isQuoted =
      token.type === 'code' || (token.type === 'html' && token.raw.trimStart().startsWith('<!--'));
    if (isQuoted) for (let i = 0; i <= lines; i++) quoted.add(line + i);
    line += lines;
  }
  return quoted;
}

/** Renders one slide's (or notes') Markdown. */
export function renderMarkdown(content: string, context: RenderContext): RenderedMarkdown {
  const diagnostics: Diagnostic[] = [];
  // Tokens are walked in document order: search on from the last problem found, so a mistake
  // made twice is reported at each of its lines.
  let searchFrom = 0;
  const reported = new Map<Token, number>();
  const lineOf = (token: Token) => {
    let at = content.indexOf(token.raw, searchFrom);
    if (at < 0) at = content.indexOf(token.raw);
    else searchFrom = at + token.raw.length;
    return context.line + (at < 0 ? 0 : content.slice(0, at).split('\n').length - 1);
  };
  /** `below`: lines below the token's first line (a problem inside a diagram block). */
  const report = (code: string, token: Token, message: string, below = 0) => {
    if (!reported.has(token)) reported.set(token, lineOf(token));
    diagnostics.push({
      severity: 'error',
      code,
      file: context.file,
      line: reported.get(token)! + below,
      message,
    });
  };

  // marked parses lists and quotes recursively: refuse deep nesting before it sees the text.
  const deep = tooDeep(content);
  if (deep >= 0) {
    const message = `lists and quotes (>) nested more than ${MAX_NESTING} levels deep: flatten them`;
    diagnostics.push({
      severity: 'error',
      code: 'too-deep',
      file: context.file,
      line: context.line + deep,
      message,
    });
    return { html: errorBox(message), title: '', level: 0, diagnostics };
  }
  let title = '';
  let level = 0;
  let listItems = 0;
  const checkWord = (token: Token, text: string) => {
    const word = unbrokenRun(text);
    if (word)
      report(
        'too-large',
        token,
        `${word.length} characters without a space (${word.slice(0, 20)}…) cannot wrap on a slide; the limit is ${MAX_WORD_CHARS}: add spaces or shorten it`,
      );
  };
  // marked types tokens as a union with an index signature; name each kind's shape below.
  const visit = (token: Token) => {
    switch (token.type) {
      case 'text':
        if (!('tokens' in token && token.tokens)) checkWord(token, token.raw);
        break;
      case 'codespan':
        checkWord(token, (token as Tokens.Codespan).text);
        break;
      case 'table': {
        const columns = (token as Tokens.Table).header.length;
        if (columns > MAX_TABLE_COLUMNS)
          report(
            'too-large',
            token,
            `table has ${columns} columns, over the limit of ${MAX_TABLE_COLUMNS}: split it or make it a list`,
          );
        break;
      }
      case 'list': {
        const before = listItems;
        listItems += (token as Tokens.List).items.length;
        if (before <= MAX_LIST_ITEMS && listItems > MAX_LIST_ITEMS)
          report(
            'too-large',
            token,
            `more than ${MAX_LIST_ITEMS} list items on one slide: split it into several slides`,
          );
        break;
      }
      case 'heading':
        if (!title) {
          const heading = token as Tokens.Heading;
          title = plainText(markdown.parseInline(heading.text) as string);
          level = heading.depth;
        }
        break;
      case 'mathBlock':
      case 'mathInline': {
        const math = token as MathToken;
        if (math.error) report('math', math, `invalid TeX in ${quote(math.raw)}: ${math.error}`);
        break;
      }
      case 'code': {
        const code = token as Tokens.Code;
        if (code.lang === 'chart') {
          const chart = renderChart(code.text);
          (token as Tokens.Code & { chartHtml?: string }).chartHtml = chart.html;
          if (chart.error) report('chart', token, `bad chart: ${chart.error}`);
        } else if (code.lang === DIAGRAM_LANG) {
          // Drawn at build time (src/node/diagram): the SVG, or an error box, goes in as HTML.
          const diagram = renderDiagram(code.text, { file: context.file });
          Object.assign(token, { type: 'html', block: true, pre: false, text: diagram.html });
          for (const p of diagram.problems) report('diagram', token, `bad diagram: ${p.message}`, p.line);
        } else checkWord(token, code.text);
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const href = image.href;
        const lookup = context.resolveImage(href);
        if ('problem' in lookup) {
          report('image', token, lookup.problem);
          // Said in place of the picture, like a broken formula (an <img src=""> shows only a broken icon).
          const notice = `<span class="deck-error image-error" role="alert">${escapeHtml(lookup.problem)}</span>`;
          Object.assign(token, { type: 'html', block: false, text: notice, tokens: undefined });
          break;
        }
        image.href = lookup.url;
        if (!image.text.trim())
          report('image-alt', token, `image ${href} has no alt text (screen readers need it)`);
        break;
      }
      case 'link': {
        const link = token as Tokens.Link;
        if (!SAFE_LINK.test(link.href)) {
          report('link', token, `link target not allowed: ${link.href} (use http:, https:, mailto: or #id)`);
          link.href = '#';
        }
        break;
      }
      case 'html':
        if (isUnsafeHtml(token.raw)) {
          report(
            'unsafe-html',
            token,
            `HTML not allowed in a slide (scripts, event handlers, styles): ${oneLine(token.raw).slice(0, 60)}`,
          );
          token.text = '';
          (token as Tokens.HTML).raw = '';
        } else checkWord(token, plainText(token.raw));
        break;
    }
  };
  try {
    const tokens = markdown.lexer(content);
    if (context.build === 'items') {
      for (const token of tokens)
        if (token.type === 'list') (token as Tokens.List & { build?: boolean }).build = true;
    }
    void markdown.walkTokens(tokens, visit);
    return { html: markdown.parser(tokens), title, level, diagnostics };
  } catch (error) {
    // The nesting check keeps marked's recursion shallow; anything else it chokes on still gets a place.
    const message = `the Markdown parser gave up on this text (${error instanceof Error ? error.message : String(error)}): simplify it`;
    diagnostics.push({
      severity: 'error',
      code: 'markdown',
      file: context.file,
      line: context.line,
      message,
    });
    return { html: errorBox(message), title, level, diagnostics };
  }
}

/** 0-based index of the first line nested deeper than MAX_NESTING (code fences and comments skipped), or -1. */
function tooDeep(content: string): number {
  const context = new LineContext();
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++)
    if (context.feed(lines[i]!, i) && nestingDepth(lines[i]!) > MAX_NESTING) return i;
  return -1;
}

/** What a slide shows in place of text that could not be rendered. */
function errorBox(message: string): string {
  return `<div class="deck-error" role="alert">${escapeHtml(message)}</div>\n`;
}

/** Source quoted in a message stays on the message's one line (`file:line: message`). */
function oneLine(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Source quoted in a message, on one line and cut short if long. */
function quote(raw: string): string {
  const line = oneLine(raw);
  return line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS)}…` : line;
}

/** Whether raw HTML could run code, read as a browser reads it: character references decoded. */
function isUnsafeHtml(raw: string): boolean {
  const decoded = decodeCharacterReferences(raw);
  return UNSAFE_HTML.test(decoded) || SCRIPT_URL.test(decoded.replace(/[\t\n\r]/g, ''));
}
