// Inputs for the property tests: text a careless or hostile author might write, and edits to the
// talk's own slides (lines inserted, deleted, duplicated, spliced), built from pieces that have
// broken Markdown pipelines before: separators, math, script, unicode, deep nesting, notes markers.
import fc from 'fast-check';

/** Lines and fragments that each exercise one rule of the pipeline. */
export const SNIPPETS: readonly string[] = [
  // Separators and front matter, right and almost right.
  '---',
  '',
  '---\nid: x\n---',
  'id: x',
  'id: 3',
  'id: "2023"',
  'id:x',
  'id：x',
  '  id: x',
  'ID: x',
  'timming: 30',
  'class: content',
  'timing: soon',
  'build: items',
  'background: #fff',
  'Q: 为什么？',
  '# 注释',
  'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]',
  // Notes markers and their near misses.
  'Note:',
  'Notes:',
  'Note：',
  'note:',
  'NOTE:',
  ' Note:',
  '\tNotes：',
  '> Note:',
  // Math.
  '$',
  '$$',
  '$x$',
  '$$\\frac{1}{$$',
  '$\\frac{1}}$',
  '$\\rule{1000em}{1000em}$',
  '$\\def\\a{\\a\\a}\\a$',
  '$\\href{javascript:alert(1)}{x}$',
  '$\\text{大模型}$',
  // Code, comments, charts.
  '```',
  '```js',
  '```a```',
  '~~~',
  '<!--',
  '-->',
  '<!-->',
  'text <!-- open',
  '```chart\ntitle: t\nbars:\n  - {label: a, value: 10, text: 十}\n```',
  '```chart\nbars: .inf\n```',
  // HTML, safe and not.
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;avascript&colon;alert(1)">x</a>',
  '<div style="position:fixed">x</div>',
  '<svg><animate onbegin=alert(1) /></svg>',
  '<svg/onload=alert(1)>',
  '<iframe src=x></iframe>',
  '<style>*{}</style>',
  '<div class="figures">',
  '</div>',
  '<pre>',
  '[x](javascript:alert(1))',
  '[x](https://example.com)',
  '<javascript:alert(1)>',
  // Images.
  '![图](evil.js)',
  '![图](../../../etc/passwd)',
  '![图](missing.svg)',
  '![](../assets/art/hooked.svg)',
  '![图](../assets/art/thrive.svg)',
  '![图](https://example.com/a.png)',
  // Nesting and size.
  '>'.repeat(40),
  '- '.repeat(40) + 'x',
  `${'  '.repeat(30)}- x`,
  '1. 1. 1. 1. x',
  '[[[[[[[[x]]]]]]]]',
  '*a '.repeat(40),
  '**'.repeat(50),
  '| a | b |\n|---|---|\n| 1 | 2 |',
  `|${' a |'.repeat(20)}\n|${'---|'.repeat(20)}`,
  'x'.repeat(120),
  `https://example.com/${'a'.repeat(100)}`,
  // Entities and unusual characters.
  '&copy; &hellip; &nbsp; &amp; &lt;b&gt;',
  '&#0; &#xD800; &#x1F600; &#1114112;',
  '中文文本，全角标点。',
  '😀👍🏽 e\u0301',
  '\u202e reversed',
  '\u0007 bell',
  '\u0000',
  '\r',
  '\uFEFF',
  '\u2028',
];

/** A snippet, or a short string of any unicode, or of ASCII. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
);

/** A Markdown file made of such lines. */
export const markdownText: fc.Arbitrary<string> = fc
  .array(line, { maxLength: 40 })
  .map((lines) => lines.join('\n'));

/** One edit to a file's lines; positions are taken modulo the file's length when applied. */
export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'splice'; at: number; column: number; text: string }
  | { kind: 'join'; at: number };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: line }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(),
      column: fc.nat(),
      text: line,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), at: fc.nat() }) },
);

/** `text` with the edits applied in order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const at = e.at % (lines.length + (e.kind === 'insert' ? 1 : 0));
    switch (e.kind) {
      case 'insert':
        lines.splice(at, 0, e.text);
        break;
      case 'delete':
        if (lines.length > 1) lines.splice(at, 1);
        break;
      case 'duplicate':
        lines.splice(at, 0, lines[at]!);
        break;
      case 'splice': {
        const target = lines[at]!;
        const column = e.column % (target.length + 1);
        lines[at] = target.slice(0, column) + e.text + target.slice(column);
        break;
      }
      case 'join':
        if (at + 1 < lines.length) lines.splice(at, 2, lines[at]! + lines[at + 1]!);
        break;
    }
  }
  return lines.join('\n');
}

/** The ways to spell a notes marker that are meant to work (column 0, any case, either colon). */
export const notesMarker: fc.Arbitrary<string> = fc.constantFrom(
  'Note:',
  'Notes:',
  'Note：',
  'note:',
  'NOTE:',
  'Notes：',
);
