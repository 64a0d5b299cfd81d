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

describe('renderMath: messages and limits', () => {
  test('the error message has no combining underline (U+0332), which the font cannot draw', () => {
    const { html, error } = renderMath('\\frac{1}}', false);
    expect(error).toBe('Extra } at position 9: \\frac{1}}');
    expect(html).not.toContain('\u0332');
  });

  test('a message stays on one line, whatever the TeX', () => {
    expect(renderMath('\\frac{1}\n\n{', true).error).not.toMatch(/\n/);
  });

  test.each([['\\rule{1000em}{1000em}'], ['\\rule{1em}{300pt}'], ['a \\kern 5in b'], ['\\hspace{100cm}']])(
    'a size over the limit is refused, not silently capped: %s',
    (tex) => {
      expect(renderMath(tex, false).error).toMatch(
        /^a size of \S+ is over the limit of 20em \(\\rule, \\kern, \\hspace…\): make it smaller$/,
      );
    },
  );

  test('sizes within the limit, and a number and unit in \\text, are fine', () => {
    expect(renderMath('\\rule{10em}{0.4pt} \\quad \\kern 2em', false).error).toBeNull();
    expect(renderMath('\\text{100 in total, 500 pt}', false).error).toBeNull();
  });

  test('a formula longer than the limit is refused without being typeset', () => {
    expect(renderMath('x+'.repeat(600) + 'x', false).error).toBe(
      'the formula is 1201 characters long, over the limit of 1000: split it',
    );
  });

  test('a macro that expands forever stops at the expansion limit', () => {
    expect(renderMath('\\def\\a{\\a\\a}\\a', false).error).toMatch(/Too many expansions/);
  });
});
