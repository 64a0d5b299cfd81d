// Bad diagram blocks: each problem with the line it is on (inside the block), an error box in
// place of the picture, and, through renderMarkdown, a Diagnostic at file:line of the slide.
import { describe, expect, test } from 'vitest';
import { renderDiagram } from '../../../src/node/diagram/render-diagram.js';
import { renderMarkdown } from '../../../src/node/markdown/render-markdown.js';

const HEAD = 'title: 图\ndescription: 示意图，无数据\n';
const TOO_LONG = '一二三四五六七八九十'.repeat(6);

/** `[line, message part]` of each problem. */
function problems(source: string) {
  const result = renderDiagram(source);
  if (result.problems.length > 0) {
    expect(result.scene).toBeNull();
    expect(result.html).toMatch(/^<div class="deck-error" role="alert">diagram: /);
    expect(result.html).not.toContain('<svg');
  }
  return result.problems.map((p) => [p.line, p.message]);
}

describe('renderDiagram: bad input', () => {
  test.each([
    [
      'an unknown kind',
      `${HEAD}kind: pie\n`,
      3,
      'unknown diagram kind `pie` (known: flow, layers, cycle, stages, compare)',
    ],
    ['no kind', HEAD, 1, 'a diagram needs `kind`: one of flow, layers, cycle, stages, compare'],
    ['a list, not keys', '- 一\n- 二\n', 1, 'a diagram is `key: value` lines'],
    ['bad YAML', `kind: flow\n${HEAD}nodes: [\n  {text: 甲\n`, 4, 'bad YAML'],
    ['a duplicate key', `kind: flow\n${HEAD}title: 又一个\nnodes:\n  - text: 甲\n`, 4, 'bad YAML'],
    [
      'no title',
      'kind: stages\ndescription: d\nstages:\n  - text: 甲\n  - text: 乙\n',
      1,
      'the diagram needs `title`',
    ],
    [
      'no description',
      'kind: stages\ntitle: t\nstages:\n  - text: 甲\n  - text: 乙\n',
      1,
      'the diagram needs `description`',
    ],
    [
      'a stage without text',
      `kind: stages\n${HEAD}stages:\n  - text: 甲\n  - note: 乙\n`,
      6,
      'stage 2 needs `text`',
    ],
    [
      'an unknown key',
      `kind: stages\n${HEAD}stages:\n  - text: 甲\n    colour: red\n  - text: 乙\n`,
      6,
      'unknown key `colour` in stage 1 (allowed: text, note, step, accent)',
    ],
    [
      'a mistyped top-level key',
      `kind: stages\n${HEAD}stage:\n  - text: 甲\n`,
      4,
      'unknown key `stage` in the diagram',
    ],
    [
      'a number as text',
      `kind: stages\n${HEAD}stages:\n  - text: 2019\n  - text: 乙\n`,
      5,
      '`text` of stage 1 must be text (put it in quotes)',
    ],
    [
      'a step of 0',
      `kind: stages\n${HEAD}stages:\n  - text: 甲\n  - text: 乙\n    step: 0\n`,
      7,
      '`step` of stage 2 must be a whole number from 1 to 20',
    ],
    [
      'a flag that is not true or false',
      `kind: stages\n${HEAD}rising: yes please\nstages:\n  - text: 甲\n  - text: 乙\n`,
      4,
      '`rising` of the diagram must be true or false',
    ],
    [
      'too few stages',
      `kind: stages\n${HEAD}stages:\n  - text: 甲\n`,
      4,
      '`stages` of the diagram must be a list of at least 2 stages',
    ],
    [
      'too many stages',
      `kind: stages\n${HEAD}stages:\n${'  - text: 甲\n'.repeat(6)}`,
      4,
      'too many stages to fit the slide: 6 in `stages` of the diagram (at most 5)',
    ],
    [
      'too many layers',
      `kind: layers\n${HEAD}layers:\n${'  - text: 层\n'.repeat(7)}`,
      4,
      'too many layers to fit the slide: 7',
    ],
    [
      'too many chips',
      `kind: layers\n${HEAD}layers:\n  - text: 层\n    items: [a, b, c, d, e, f, g]\n  - text: 层二\n`,
      6,
      'too many items to fit the slide: 7',
    ],
    [
      'too many cycle nodes',
      `kind: cycle\n${HEAD}nodes:\n${'  - text: 点\n'.repeat(7)}`,
      4,
      'too many nodes to fit the slide: 7',
    ],
    [
      'too many list items',
      `kind: compare\n${HEAD}before:\n  text: 前\n  items: [1, 2, 3, 4, 5, 6]\nafter:\n  text: 后\n`,
      6,
      'too many items to fit the slide: 6',
    ],
    [
      'a flow wider than five columns',
      `kind: flow\n${HEAD}nodes:\n${'  - text: 点\n'.repeat(6).replace(/点/g, (_, i: number) => `点${i}`)}`,
      10,
      'too many nodes to fit the slide: node 6 would be in row 1, column 6',
    ],
    [
      'a stage name too long for its chevron',
      `kind: stages\n${HEAD}stages:\n  - text: ${TOO_LONG}\n  - text: 乙\n`,
      5,
      'text too long to fit its box',
    ],
    [
      'a word too wide for its box',
      `kind: stages\n${HEAD}stages:\n  - text: 甲\n  - text: 乙\n  - text: 丙\n  - text: 丁\n  - text: Supercalifragilistic\n`,
      9,
      'text too long to fit its box: "Supercalifragilistic" is',
    ],
    [
      'a label too long for its arc',
      `kind: cycle\n${HEAD}nodes:\n  - text: 甲\n    label: ${TOO_LONG}\n  - text: 乙\n`,
      6,
      'text too long to fit its box',
    ],
    [
      'a link to no node',
      `kind: flow\n${HEAD}nodes:\n  - text: 甲\n  - text: 乙\nlinks:\n  - from: 甲\n    to: 丙\n`,
      9,
      'no node `丙` to link to',
    ],
    [
      'two nodes with one name',
      `kind: flow\n${HEAD}nodes:\n  - text: 甲\n  - text: 甲\n`,
      6,
      'two nodes are called `甲`',
    ],
    [
      'two nodes in one cell',
      `kind: flow\n${HEAD}nodes:\n  - { text: 甲, row: 1, col: 1 }\n  - { text: 乙, row: 1, col: 1 }\n`,
      6,
      'node 2 is placed on top of `甲`',
    ],
    [
      'an arrow through a box',
      `kind: flow\n${HEAD}nodes:\n  - text: 甲\n  - text: 乙\n  - text: 丙\nlinks:\n  - from: 甲\n    to: 丙\n`,
      10,
      'would cross `乙`',
    ],
    [
      'a label on a bent link',
      `kind: flow\n${HEAD}nodes:\n  - text: 甲\n  - { text: 乙, row: 2, col: 2 }\nlinks:\n  - { from: 甲, to: 乙, label: 说明 }\n`,
      8,
      'a label needs a straight link',
    ],
  ])('%s', (_, source, line, message) => {
    const found = problems(source);
    expect(found).toContainEqual([line, expect.stringContaining(message)]);
  });

  test('a flow too tall for the slide', () => {
    const nodes = [1, 2, 3].map(
      (row) => `  - { text: 第${row}行, note: "一\\n二\\n三", row: ${row}, col: 1 }`,
    );
    expect(problems(`kind: flow\n${HEAD}nodes:\n${nodes.join('\n')}\n`)).toContainEqual([
      4,
      expect.stringMatching(
        /^too many rows or too much text to fit the slide: the flow is \d+ px tall, at most 480 fit$/,
      ),
    ]);
  });

  test('every problem is reported, not just the first', () => {
    const found = problems(`kind: stages\ntitle: t\nstages:\n  - text: 甲\n    colour: red\n  - note: 乙\n`);
    expect(found.map(([line]) => line)).toEqual([5, 6, 1]);
  });

  test('words are escaped in the error box', () => {
    expect(renderDiagram('kind: "<b>x</b>"\n').html).toContain('&#60;b&#62;x&#60;/b&#62;');
  });
});

describe('renderMarkdown: a diagram block', () => {
  const FILE = 'slides/x.md';
  const render = (lines: string[]) =>
    renderMarkdown(lines.join('\n'), {
      file: FILE,
      line: 20,
      resolveImage: () => ({ problem: 'no images here' }),
    });

  test('becomes an inline SVG figure named by its title and description', () => {
    const { html, diagnostics } = render([
      '## 标题',
      '',
      '```diagram',
      'kind: stages',
      'title: 三步',
      'description: 示意图，无数据',
      'stages: [{text: 甲}, {text: 乙, step: 1}]',
      '```',
    ]);
    expect(diagnostics).toEqual([]);
    const svg = html.match(/<svg[^>]*>/)![0];
    expect(svg).toContain('role="img"');
    const [titleId, descId] = svg.match(/aria-labelledby="([^"]+)"/)![1]!.split(' ');
    expect(html).toContain(`<title id="${titleId}">三步</title>`);
    expect(html).toContain(`<desc id="${descId}">示意图，无数据</desc>`);
    expect(html).toMatch(/^<h2>标题<\/h2>\n<figure class="diagram diagram-stages">/);
    expect(html).toContain('<g class="fragment" data-fragment-index="1">');
    expect(html).not.toContain('<pre>');
  });

  test('a bad one is a Diagnostic at the line inside the block, and an error box in place', () => {
    // The fence is line 22 of the file (the Markdown starts at line 20), `kind: pie` line 23.
    const { html, diagnostics } = render([
      '## 标题',
      '',
      '```diagram',
      'kind: pie',
      'title: t',
      '```',
      '',
      '后文',
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'diagram',
        file: FILE,
        line: 23,
        message: expect.stringContaining('bad diagram: unknown diagram kind `pie`'),
      },
    ]);
    expect(html).toContain('<div class="deck-error" role="alert">diagram: unknown diagram kind');
    expect(html).toContain('<p>后文</p>');
  });

  test('two bad blocks are each reported at their own lines', () => {
    const block = [
      '```diagram',
      'kind: stages',
      'title: t',
      'description: d',
      'stages:',
      '  - text: 甲',
      '```',
    ];
    const { diagnostics } = render([...block, '', ...block]);
    // Each block's `stages:` line: 24, and 32 for the block after the blank line.
    expect(diagnostics.map((d) => d.line)).toEqual([24, 32]);
  });
});
