import { describe, expect, test } from 'vitest';
import { renderMath } from '../../../src/node/markdown/render-math.js';

describe('renderMath', () => {
  test('inline TeX becomes KaTeX HTML with MathML for screen readers', () => {
    const { html, error } = renderMath('E = mc^2', false);
    expect(error).toBeNull();
    expect(html).toMatch(/^<span class="katex">/);
    expect(html).not.toContain('katex-display');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
  });

  test('display TeX is wrapped in katex-display', () => {
    const { html, error } = renderMath('\\int_0^1 x^2\\,dx', true);
    expect(error).toBeNull();
    expect(html).toMatch(/^<span class="katex-display"><span class="katex">/);
    expect(html).toContain('display="block"');
  });

  test('Chinese inside \\text{} renders without a problem', () => {
    const { html, error } = renderMath(
      '\\text{大数据} + \\text{大算力} + \\text{强算法} = \\text{大模型}',
      true,
    );
    expect(error).toBeNull();
    expect(html).toContain('<mtext>大数据</mtext>');
    expect(html).toContain('<mtext>大模型</mtext>');
  });

  test('invalid inline TeX becomes a visible error box with the message and the source', () => {
    const { html, error } = renderMath('\\frac{1}{', false);
    expect(error).toMatch(/^Unexpected end of input/);
    expect(html).toMatch(
      /^<span class="deck-error math-error" role="alert">TeX error: Unexpected end of input/,
    );
    expect(html).toContain('<code>\\frac{1}{</code></span>');
    expect(html).not.toContain('class="katex"');
  });

  test('invalid display TeX becomes an error block', () => {
    const { html, error } = renderMath('\\begin{matrix} a', true);
    expect(error).not.toBeNull();
    expect(html).toMatch(/^<div class="deck-error math-error" role="alert">[\s\S]*<\/div>$/);
  });

  test('the TeX source in an error box is escaped', () => {
    const { html } = renderMath('\\frac{<b>}{', false);
    expect(html).toContain('<code>\\frac{&#60;b&#62;}{</code>');
    expect(html).not.toContain('<b>');
  });

  test('trust stays off: \\href and \\htmlClass make no link and no class', () => {
    for (const tex of ['\\href{javascript:alert(1)}{x}', '\\htmlClass{evil}{x}']) {
      const { html } = renderMath(tex, false);
      expect(html).not.toMatch(/<a\b/);
      expect(html).not.toContain('javascript:alert(1)"');
      expect(html).not.toContain('class="evil"');
    }
  });

  test('a refused \\href is an error the author hears about, naming the command', () => {
    const { html, error } = renderMath('\\href{https://example.com}{x}', false);
    expect(error).toMatch(/\\href is not allowed/);
    expect(html).toContain('math-error');
  });
});
