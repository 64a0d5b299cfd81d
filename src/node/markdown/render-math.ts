// TeX to HTML with KaTeX, at build time. A formula KaTeX rejects becomes a visible error box
// on the slide (never a blank) plus a diagnostic; trust stays off so TeX cannot inject links or HTML.
import katex, { type KatexOptions } from 'katex';
import { escapeHtml } from '../../shared/escape-html.js';
import { MAX_TEX_CHARS, MAX_TEX_EXPANSIONS, MAX_TEX_SIZE_EM, largestTexSize } from './limits.js';

export interface MathResult {
  html: string;
  error: string | null;
}

/**
 * KaTeX underlines the place of an error with combining low lines (U+0332) after each character:
 * in a one-line message they only garble the text, and the font has no glyph for them.
 */
const COMBINING_UNDERLINE = /\u0332/g;

/** Renders one formula; `display` for a `$$…$$` block. */
export function renderMath(tex: string, display: boolean): MathResult {
  const refused: string[] = [];
  const render = (maxSize: number) =>
    katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      // Nothing is trusted; what was asked for is remembered so the author hears about it.
      trust: (context) => {
        refused.push(context.command);
        return false;
      },
      strict: 'ignore',
      output: 'htmlAndMathml',
      maxSize,
      maxExpand: MAX_TEX_EXPANSIONS,
    } satisfies KatexOptions);
  try {
    if (tex.length > MAX_TEX_CHARS)
      throw new Error(
        `the formula is ${tex.length} characters long, over the limit of ${MAX_TEX_CHARS}: split it`,
      );
    const html = render(MAX_TEX_SIZE_EM);
    if (refused.length > 0)
      throw new Error(
        `${[...new Set(refused)].join(', ')} is not allowed in slides (links and HTML from TeX are off)`,
      );
    // KaTeX caps every size at maxSize without a word: render once more without the cap, and
    // if that differs, a size was cut (a number and unit in \text{} is left alone).
    const size = largestTexSize(tex);
    if (size && size.em > MAX_TEX_SIZE_EM && render(Infinity) !== html)
      throw new Error(
        `a size of ${size.written} is over the limit of ${MAX_TEX_SIZE_EM}em (\\rule, \\kern, \\hspace…): make it smaller`,
      );
    return { html, error: null };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .replace(/^KaTeX parse error: /, '')
      .replace(COMBINING_UNDERLINE, '')
      .replace(/\s+/g, ' ');
    const tag = display ? 'div' : 'span';
    return {
      html: `<${tag} class="deck-error math-error" role="alert">TeX error: ${escapeHtml(message)}<code>${escapeHtml(tex)}</code></${tag}>`,
      error: message,
    };
  }
}
