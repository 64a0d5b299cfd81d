import { describe, expect, test } from 'vitest';
import { renderMarkdown, type RenderContext } from '../../../src/node/markdown/render-markdown.js';

const FILE = 'slides/x.md';
/** The Markdown under test starts at line 20 of FILE: its Nth line is line 19 + N. */
const LINE = 20;
const IMAGES: Record<string, string> = { 'art/ok.svg': 'deck-asset:0', 'art/other.svg': 'deck-asset:1' };

function render(lines: string[], options: Partial<RenderContext> = {}) {
  const asked: string[] = [];
  const resolveImage = (href: string) => {
    asked.push(href);
    const url = IMAGES[href];
    return url ? { url } : { problem: `image not found: ${href}` };
  };
  return { ...renderMarkdown(lines.join('\n'), { file: FILE, line: LINE, resolveImage, ...options }), asked };
}

/** How many times a pattern occurs in the HTML. */
const count = (html: string, pattern: RegExp) => (html.match(new RegExp(pattern.source, 'g')) ?? []).length;

describe('renderMarkdown: title and level', () => {
  test('come from the first heading, whatever its level', () => {
    const { title, level, html } = render(['正文在前', '', '## 第一个标题', '', '# 第二个标题']);
    expect([title, level]).toEqual(['第一个标题', 2]);
    expect(count(html, /<h2>/)).toBe(1);
    expect(count(html, /<h1>/)).toBe(1);
  });

  test('are plain text without markup', () => {
    expect(render(['## **强**团队：`代码` & 资源']).title).toBe('强团队：代码 & 资源');
  });

  test('are empty without a heading', () => {
    expect(render(['只有正文']).title).toBe('');
    expect(render(['只有正文']).level).toBe(0);
  });
});

describe('renderMarkdown: math', () => {
  test('inline $…$ becomes KaTeX, with no raw $ left', () => {
    const { html, diagnostics } = render(['质能方程 $E = mc^2$ 很有名']);
    expect(diagnostics).toEqual([]);
    expect(count(html, /class="katex"/)).toBe(1);
    expect(html).not.toContain('katex-display');
    expect(html).not.toContain('$');
    expect(html).toMatch(/^<p>质能方程 <span class="katex">/);
  });

  test('display $$…$$ on its own lines becomes a KaTeX display block, with no raw $ left', () => {
    const { html, diagnostics } = render([
      '## 公式',
      '',
      '$$',
      '\\text{大数据} + \\text{大算力} = \\text{大模型}',
      '$$',
      '',
      '后文',
    ]);
    expect(diagnostics).toEqual([]);
    expect(count(html, /class="katex-display"/)).toBe(1);
    expect(html).not.toContain('$');
    expect(html).not.toMatch(/<p>\s*<span class="katex-display">/);
  });

  test('a one-line $$…$$ block is display math too', () => {
    const { html } = render(['$$a^2 + b^2 = c^2$$']);
    expect(count(html, /class="katex-display"/)).toBe(1);
    expect(html).not.toContain('$');
  });

  test('dollar amounts are not math', () => {
    const { html } = render(['一条数据 $5，一次训练 $10 以上']);
    expect(html).not.toContain('katex');
    expect(html).toBe('<p>一条数据 $5，一次训练 $10 以上</p>\n');
  });

  test('an escaped \\$ and $ inside code stay literal', () => {
    const { html } = render(['价格 \\$x\\$ 与 `$y$`', '', '```', '$z$', '```']);
    expect(html).not.toContain('katex');
    expect(html).toContain('<code>$y$</code>');
    expect(html).toContain('<pre><code>$z$</code></pre>');
  });

  test('invalid inline TeX gives a math diagnostic at its line and a visible error box', () => {
    const { html, diagnostics } = render(['## 公式', '', '错误的公式 $\\frac{1}{$ 在这里']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'math',
        file: FILE,
        line: LINE + 2,
        message: expect.stringMatching(/^invalid TeX in \$\\frac\{1\}\{\$: Unexpected end of input/),
      },
    ]);
    expect(count(html, /<span class="deck-error math-error" role="alert">/)).toBe(1);
    expect(html).toContain('<code>\\frac{1}{</code>');
  });

  test('invalid display TeX gives a diagnostic at its opening $$ and an error block, on one message line', () => {
    const { html, diagnostics } = render(['## 公式', '', '$$', '\\frac{1}{', '$$']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'math',
        file: FILE,
        line: LINE + 2,
        message: expect.stringContaining('invalid TeX in $$ \\frac{1}{ $$: '),
      },
    ]);
    expect(diagnostics[0]!.message).not.toContain('\n');
    expect(count(html, /<div class="deck-error math-error" role="alert">/)).toBe(1);
  });

  test('the same mistake made twice is reported at each of its lines', () => {
    const { diagnostics } = render([
      '$\\frac{1}{$',
      '',
      '- 一',
      '- $\\frac{1}{$',
      '',
      '![图](art/nope.svg)',
      '',
      '![图](art/nope.svg)',
    ]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['math', LINE],
      ['math', LINE + 3],
      ['image', LINE + 5],
      ['image', LINE + 7],
    ]);
  });
});

describe('renderMarkdown: build steps', () => {
  const LIST = ['- 第一步', '- 第二步', '  - 细节', '  - 更多细节', '- 第三步'];

  test("build: 'items' makes each top-level item a fragment, not the nested ones", () => {
    const { html } = render(LIST, { build: 'items' });
    expect(count(html, /<li class="fragment">/)).toBe(3);
    expect(count(html, /<li>/)).toBe(2);
    expect(html).toMatch(
      /<li class="fragment">第二步<ul>\n<li>细节<\/li>\n<li>更多细节<\/li>\n<\/ul>\n<\/li>/,
    );
  });

  test("build: 'items' applies to ordered lists and keeps their start", () => {
    const { html } = render(['3. 三', '4. 四'], { build: 'items' });
    expect(html).toBe('<ol start="3">\n<li class="fragment">三</li>\n<li class="fragment">四</li>\n</ol>\n');
  });

  test('without build, no item is a fragment', () => {
    const { html } = render(LIST);
    expect(html).not.toContain('fragment');
    expect(count(html, /<li>/)).toBe(5);
  });
});

describe('renderMarkdown: unsafe HTML', () => {
  const DANGER = /<script|<iframe|<style|\son[a-z]+=|[/"']on[a-z]+=|javascript:|&#106;|&#x09;|\sstyle=/i;

  test.each([
    ['a script block', '<script>alert(1)</script>'],
    ['an onclick attribute', '<button onclick="alert(1)">点我</button>'],
    ['an onerror attribute', '<img src="x" onerror="alert(1)">'],
    ['an onload after a slash, inside an HTML block', '<div>\n<svg/onload=alert(1)>\n</div>'],
    // Found by the property tests: any attribute name starting with `on` is refused, not only letters.
    ['an on-attribute with other characters in its name', '<svg><animate on---begin=alert(1) /></svg>'],
    ['a javascript: URL', '<a href="javascript:alert(1)">点我</a>'],
    ['a javascript: URL hidden behind a character reference', '<a href="&#106;avascript:alert(1)">点我</a>'],
    [
      'a javascript: URL split by an encoded tab',
      '<div>\n<a href="java&#x09;script:alert(1)">点我</a>\n</div>',
    ],
    ['an iframe', '<iframe src="https://example.com"></iframe>'],
    ['a style element', '<style>body { display: none }</style>'],
    ['a style attribute', '<div style="position: fixed; inset: 0">遮住全屏</div>'],
  ])('%s is refused with a diagnostic and left out of the HTML', (_, unsafe) => {
    const { html, diagnostics } = render(['## 标题', '', unsafe, '', '后文']);
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        code: 'unsafe-html',
        file: FILE,
        line: LINE + 2,
        message: expect.stringContaining('HTML not allowed in a slide'),
      },
    ]);
    expect(diagnostics[0]!.message).not.toContain('\n');
    expect(html).not.toMatch(DANGER);
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<p>后文</p>');
  });

  test('plain layout HTML passes, with Markdown inside it still rendered', () => {
    const { html, diagnostics } = render([
      '<div class="figures">',
      '<figure>',
      '',
      '![插图：被钩住的人](art/ok.svg)',
      '',
      '<figcaption>人类被钩住了，机器在学习</figcaption>',
      '</figure>',
      '</div>',
    ]);
    expect(diagnostics).toEqual([]);
    expect(html).toContain('<div class="figures">\n<figure>');
    expect(html).toContain('<img src="deck-asset:0" alt="插图：被钩住的人">');
    expect(html).toContain('<figcaption>人类被钩住了，机器在学习</figcaption>');
  });
});

describe('renderMarkdown: links', () => {
  test.each([
    ['[点我](javascript:alert(1))', 'javascript:alert(1)'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['[点我](data:text/html,hi)', 'data:text/html,hi'],
    ['[点我](other-page.html)', 'other-page.html'],
  ])('%s is refused: the link goes nowhere and a diagnostic says why', (markdown, href) => {
    const { html, diagnostics } = render(['## 标题', '', markdown]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'link',
        file: FILE,
        line: LINE + 2,
        message: `link target not allowed: ${href} (use http:, https:, mailto: or #id)`,
      },
    ]);
    expect(html).toContain('<a href="#">');
    expect(html).not.toContain(`href="${href}`);
  });

  test('https:, mailto: and #id links are kept', () => {
    const { html, diagnostics } = render([
      '[智源](https://www.baai.ac.cn) [邮件](mailto:a@b.cn) [回到开头](#title)',
    ]);
    expect(diagnostics).toEqual([]);
    expect(html).toContain('<a href="https://www.baai.ac.cn">智源</a>');
    expect(html).toContain('<a href="mailto:a@b.cn">邮件</a>');
    expect(html).toContain('<a href="#title">回到开头</a>');
  });
});

describe('renderMarkdown: images', () => {
  test('are resolved through the resolver, with the href as written', () => {
    const { html, asked, diagnostics } = render(['![示意图](art/ok.svg) ![另一张](art/other.svg)']);
    expect(diagnostics).toEqual([]);
    expect(asked).toEqual(['art/ok.svg', 'art/other.svg']);
    expect(html).toBe('<p><img src="deck-asset:0" alt="示意图"> <img src="deck-asset:1" alt="另一张"></p>\n');
  });

  test('a missing image gives a diagnostic at its line and says so in place of the picture', () => {
    const { html, diagnostics } = render(['## 标题', '', '正文', '', '![示意图](art/nope.svg)']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'image',
        file: FILE,
        line: LINE + 4,
        message: 'image not found: art/nope.svg',
      },
    ]);
    expect(html).toBe(
      '<h2>标题</h2>\n<p>正文</p>\n<p><span class="deck-error image-error" role="alert">image not found: art/nope.svg</span></p>\n',
    );
  });

  test('an image without alt text is reported', () => {
    const { diagnostics } = render(['## 标题', '![](art/ok.svg)']);
    expect(diagnostics).toMatchObject([
      {
        code: 'image-alt',
        line: LINE + 1,
        message: 'image art/ok.svg has no alt text (screen readers need it)',
      },
    ]);
  });
});

describe('renderMarkdown: charts and code', () => {
  const CHART = [
    '## 图',
    '',
    '```chart',
    'title: 门槛',
    'bars:',
    '  - {label: 一条数据, value: 50, text: 50美金}',
    '```',
  ];

  test('a ```chart block becomes an inline SVG figure, not code', () => {
    const { html, diagnostics } = render(CHART);
    expect(diagnostics).toEqual([]);
    expect(html).toContain('<figure class="chart"><svg');
    expect(count(html, /class="chart-bar"/)).toBe(1);
    expect(html).not.toContain('<pre>');
  });

  test('a bad chart gives a diagnostic at its fence and a visible error box', () => {
    const { html, diagnostics } = render([...CHART.slice(0, 4), 'bars: []', '```']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'chart',
        file: FILE,
        line: LINE + 2,
        message: expect.stringContaining('bad chart: `bars` must be a list'),
      },
    ]);
    expect(html).toContain('<div class="deck-error" role="alert">chart: ');
  });

  test('other code blocks are escaped and keep their language', () => {
    const { html } = render(['```html', '<b>粗</b>', '```']);
    expect(html).toBe('<pre><code class="language-html">&#60;b&#62;粗&#60;/b&#62;</code></pre>\n');
  });
});

describe('renderMarkdown: $$ inside a paragraph', () => {
  test('is typeset inline in display style, with no raw $ left', () => {
    const { html, diagnostics } = render(['甲 $$\\sum_i x_i$$ 乙']);
    expect(diagnostics).toEqual([]);
    expect(html).toMatch(/^<p>甲 <span class="katex">/);
    expect(html).not.toContain('$');
    expect(html).toContain('\\displaystyle');
  });
});

describe('renderMarkdown: line breaks in Chinese text', () => {
  test('a break between Chinese sentences leaves no space; one between English words does', () => {
    const { html } = render(['第一句。', '第二句，OpenAI', '多年 and', 'more']);
    expect(html).toBe(
      '<p>第一句。第二句，<span lang="en">OpenAI</span>多年 <span lang="en">and more</span></p>\n',
    );
  });
});

describe('renderMarkdown: character references', () => {
  test('&copy; &hellip; &nbsp; and numeric references show their character, escaped again where needed', () => {
    const { html, title } = render([
      '## A &copy; B',
      '',
      '&copy; 2023&hellip;&nbsp;&#x1F600; &#169; &lt;b&gt; &amp; &amp;copy;',
    ]);
    expect(title).toBe('A © B');
    expect(html).toBe(
      '<h2>A © B</h2>\n<p>© 2023…\u00a0😀 © &#60;b&#62; &#38; &#38;<span lang="en">copy</span>;</p>\n',
    );
  });

  test('in code, and after a backslash, a reference stays as written', () => {
    const { html } = render(['`&copy;` \\&copy;', '', '```', '&copy;', '```']);
    expect(html).toContain('<code>&amp;copy;</code>');
    expect(html).toContain('&#38;<span lang="en">copy</span>;');
    expect(html).toContain('<pre><code>&#38;copy;</code></pre>');
  });
});

describe('renderMarkdown: size limits', () => {
  test.each([
    ['5,000 nested > on one line', ['## 标题', '', `${'>'.repeat(5000)} 引用`]],
    ['2,000 nested > lines', ['## 标题', '', ...Array.from({ length: 2000 }, (_, i) => '>'.repeat(i + 1))]],
    [
      'a 2,000-level nested list',
      ['## 标题', '', ...Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- 项`)],
    ],
    ['a line of 2,000 list markers', ['## 标题', '', `${'- '.repeat(2000)}项`]],
  ])('%s is refused at the first line too deep, before marked sees it', (_, lines) => {
    const started = Date.now();
    const { html, diagnostics } = render(lines);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-deep',
        file: FILE,
        line: expect.any(Number),
        message: 'lists and quotes (>) nested more than 16 levels deep: flatten them',
      },
    ]);
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(LINE + 2);
    expect(diagnostics[0]!.line).toBeLessThanOrEqual(LINE + 20);
    expect(html).toContain('deck-error');
  });

  test('deep indentation inside a code fence is code, not nesting', () => {
    expect(render(['```', `${' '.repeat(200)}x`, '```']).diagnostics).toEqual([]);
  });

  test('a table wider than the limit is refused at its line', () => {
    const row = (cell: string) => `|${Array.from({ length: 13 }, () => ` ${cell} `).join('|')}|`;
    const { diagnostics } = render(['## 表', '', row('a'), row('---'), row('1')]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'too-large',
        file: FILE,
        line: LINE + 2,
        message: 'table has 13 columns, over the limit of 12: split it or make it a list',
      },
    ]);
  });

  test('more list items than the limit are refused once, at the list that passes it', () => {
    const items = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `- 第${from + i}项`);
    expect(render([...items(40)]).diagnostics).toEqual([]);
    const { diagnostics } = render([
      ...items(30),
      '',
      '段落',
      '',
      ...items(11, 30),
      '',
      '段落',
      '',
      ...items(5, 41),
    ]);
    expect(diagnostics).toMatchObject([
      {
        code: 'too-large',
        line: LINE + 33,
        message: 'more than 40 list items on one slide: split it into several slides',
      },
    ]);
  });

  test('a word longer than the limit is refused wherever it shows: text, link text, code, HTML', () => {
    const long = 'x'.repeat(81);
    const { diagnostics } = render([
      `正文 ${long}`,
      '',
      `- [${long}](https://a.cn)`,
      '',
      `\`${long}\``,
      '',
      `<div>${long}</div>`,
      '',
      '```',
      long,
      '```',
    ]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['too-large', LINE],
      ['too-large', LINE + 2],
      ['too-large', LINE + 4],
      ['too-large', LINE + 6],
      ['too-large', LINE + 8],
    ]);
    expect(diagnostics[0]!.message).toBe(
      '81 characters without a space (xxxxxxxxxxxxxxxxxxxx…) cannot wrap on a slide; the limit is 80: add spaces or shorten it',
    );
  });

  test('a link target or an image path longer than the limit is not shown, so not refused', () => {
    expect(render([`[链接](https://a.cn/${'x'.repeat(200)})`]).diagnostics).toEqual([]);
  });

  test('\\rule{1000em}{1000em} is refused with its size', () => {
    expect(render(['$\\rule{1000em}{1000em}$']).diagnostics).toMatchObject([
      {
        code: 'math',
        line: LINE,
        message: expect.stringContaining('a size of 1000em is over the limit of 20em'),
      },
    ]);
  });

  test('a formula quoted in a message is cut short', () => {
    const { diagnostics } = render([`$\\frac{${'x'.repeat(500)}$`]);
    expect(diagnostics[0]!.message.length).toBeLessThan(300);
  });
});
