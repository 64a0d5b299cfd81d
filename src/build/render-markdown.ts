// Markdown to slide HTML with one local Marked instance, configured once (the global `marked`
// is never touched). Math and charts are rendered here, at build time; images are checked and
// handed to the caller to resolve; unsafe HTML is refused. Problems come back with their line.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import type { Diagnostic } from '../shared/deck.js';
import { renderChart } from './render-chart.js';
import { escapeHtml, renderMath } from './render-math.js';

interface MathToken extends Tokens.Generic {
  type: 'mathBlock' | 'mathInline';
  raw: string;
  tex: string;
  html: string;
  error: string | null;
}

const MATH_BLOCK = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/;
const MATH_INLINE = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
/** HTML a talk never needs and that could run code or restyle the page. */
const UNSAFE_HTML = /<\s*\/?\s*(script|iframe|object|embed|style|link|meta|base|form)\b|\son[a-z]+\s*=|javascript:|\sstyle\s*=/i;
const SAFE_LINK = /^(https?:|mailto:|#)/i;
/** A run of Latin words inside Chinese text, e.g. `GPT-3.5` or `Sam Altman`. */
const LATIN_RUN = /[A-Za-z][A-Za-z0-9.'’+\- ]*[A-Za-z0-9]/g;

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

function mathExtension(name: MathToken['type'], pattern: RegExp, display: boolean): TokenizerAndRendererExtension {
  return {
    name,
    level: display ? 'block' : 'inline',
    start: (src: string) => {
      const at = src.indexOf(display ? '$$' : '$');
      return at < 0 ? undefined : at;
    },
    tokenizer(src: string) {
      const match = src.match(pattern);
      if (!match) return undefined;
      const tex = match[1]!.trim();
      const { html, error } = renderMath(tex, display);
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
      return 'escaped' in token && token.escaped ? token.text : markEnglish(token.text);
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

export interface RenderContext {
  file: string;
  /** 1-based line of the first line of `content` in the file. */
  line: number;
  /** Turns an image's href into the URL to emit, or null when the file does not exist. */
  resolveImage: (href: string) => string | null;
  /** `items`: top-level list items become build steps. */
  build?: 'items';
}

export interface RenderedMarkdown {
  html: string;
  title: string;
  level: number;
  diagnostics: Diagnostic[];
}

/** Renders one slide's (or notes') Markdown. */
export function renderMarkdown(content: string, context: RenderContext): RenderedMarkdown {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (raw: string) => {
    const at = content.indexOf(raw);
    return context.line + (at < 0 ? 0 : content.slice(0, at).split('\n').length - 1);
  };
  const report = (code: string, raw: string, message: string) =>
    diagnostics.push({ severity: 'error', code, file: context.file, line: lineOf(raw), message });

  const tokens = markdown.lexer(content);
  if (context.build === 'items') {
    for (const token of tokens) if (token.type === 'list') (token as Tokens.List & { build?: boolean }).build = true;
  }
  let title = '';
  let level = 0;
  markdown.walkTokens(tokens, (token: Token) => {
    switch (token.type) {
      case 'heading':
        if (!title) {
          title = plainText(markdown.parseInline(token.text) as string);
          level = token.depth;
        }
        break;
      case 'mathBlock':
      case 'mathInline': {
        const math = token as MathToken;
        if (math.error) report('math', math.raw, `invalid TeX in ${math.raw.trim()}: ${math.error}`);
        break;
      }
      case 'code':
        if (token.lang === 'chart') {
          const chart = renderChart(token.text);
          (token as Tokens.Code & { chartHtml?: string }).chartHtml = chart.html;
          if (chart.error) report('chart', token.raw, `bad chart: ${chart.error}`);
        }
        break;
      case 'image': {
        const url = context.resolveImage(token.href);
        if (url === null) {
          report('image', token.raw, `image not found: ${token.href}`);
          token.text = `[missing image: ${token.href}]`;
          token.href = '';
        } else token.href = url;
        if (!token.text.trim()) report('image-alt', token.raw, `image ${token.href} has no alt text (screen readers need it)`);
        break;
      }
      case 'link':
        if (!SAFE_LINK.test(token.href)) {
          report('link', token.raw, `link target not allowed: ${token.href} (use http:, https:, mailto: or #id)`);
          token.href = '#';
        }
        break;
      case 'html':
        if (UNSAFE_HTML.test(token.raw)) {
          report('unsafe-html', token.raw, `HTML not allowed in a slide (scripts, event handlers, styles): ${token.raw.trim().slice(0, 60)}`);
          token.text = '';
          (token as Tokens.HTML).raw = '';
        }
        break;
    }
  });
  const html = markdown.parser(tokens);
  return { html, title, level, diagnostics };
}

/** Text of an HTML fragment, for titles and notes. */
export function plainText(html: string): string {
  return html
    .replace(/<math[\s\S]*?<\/math>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
