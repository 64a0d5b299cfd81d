// TeX to HTML with KaTeX, at build time. A formula KaTeX rejects becomes a visible error box
// on the slide (never a blank) plus a diagnostic; trust stays off so TeX cannot inject links or HTML.
import katex from 'katex';
import { escapeHtml } from '../../shared/escape-html.js';

export interface MathResult {
  html: string;
  error: string | null;
}

/** Renders one formula; `display` for a `$$…$$` block. */
export function renderMath(tex: string, display: boolean): MathResult {
  const refused: string[] = [];
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      // Nothing is trusted; what was asked for is remembered so the author hears about it.
      trust: (context) => {
        refused.push(context.command);
        return false;
      },
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
    if (refused.length > 0)
      throw new Error(
        `${[...new Set(refused)].join(', ')} is not allowed in slides (links and HTML from TeX are off)`,
      );
    return { html, error: null };
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    const tag = display ? 'div' : 'span';
    return {
      html: `<${tag} class="deck-error math-error" role="alert">TeX error: ${escapeHtml(message)}<code>${escapeHtml(tex)}</code></${tag}>`,
      error: message,
    };
  }
}
