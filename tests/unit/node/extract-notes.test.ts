import { describe, expect, test } from 'vitest';
import { extractNotes } from '../../../src/node/markdown/extract-notes.js';

const body = (lines: string[]) => lines.join('\n');

describe('extractNotes', () => {
  test.each([['Note:'], ['Notes:']])('a `%s` line starts the notes', (marker) => {
    expect(extractNotes(body(['## 标题', '', '- 要点', '', marker, '第一句。', '第二句。']))).toEqual({
      content: '## 标题\n\n- 要点\n',
      notes: '第一句。\n第二句。',
      notesIndex: 5,
      indentedMarker: -1,
    });
  });

  // What a careless author or a Chinese input method types: all of them start the notes.
  test.each([['Note：'], ['Notes：'], ['note:'], ['NOTE:'], ['notes：'], ['NoTeS:']])(
    'the near miss `%s` starts the notes too',
    (marker) => {
      expect(extractNotes(body(['## 标题', marker, '只给讲者看。']))).toEqual({
        content: '## 标题',
        notes: '只给讲者看。',
        notesIndex: 2,
        indentedMarker: -1,
      });
    },
  );

  test('text on the same line as Note: is the first line of the notes, after either colon', () => {
    for (const marker of ['Note: ', 'Note：', 'note：  '])
      expect(extractNotes(body(['## 标题', `${marker}开场白。`, '接着说。']))).toEqual({
        content: '## 标题',
        notes: '开场白。\n接着说。',
        notesIndex: 1,
        indentedMarker: -1,
      });
  });

  test('notesIndex is the line the notes text starts on, after blank lines', () => {
    const parts = extractNotes(body(['## 标题', 'Note:', '', '', '第一句。']));
    expect(parts.notes).toBe('第一句。');
    expect(parts.notesIndex).toBe(4);
  });

  test('Note: inside a code fence or an HTML comment is not notes', () => {
    const lines = [
      '## 标题',
      '```md',
      'Note: 这是代码',
      '```',
      '~~~',
      'Notes: 也是代码',
      '~~~',
      '<!--',
      'Note: 注释',
      '-->',
      '```',
      '  note： 缩进的也是代码',
      '```',
    ];
    expect(extractNotes(body(lines))).toEqual({
      content: body(lines),
      notes: '',
      notesIndex: -1,
      indentedMarker: -1,
    });
  });

  test('a fence inside an HTML block is raw HTML to marked, so a Note: in it starts the notes', () => {
    const lines = ['## 标题', '<div class="figures">', '```chart', 'Note:', '秘密', '```', '</div>'];
    expect(extractNotes(body(lines))).toMatchObject({
      content: '## 标题\n<div class="figures">\n```chart',
      notes: '秘密\n```\n</div>',
    });
  });

  test('the first Note: outside a fence wins; later markers stay in the notes', () => {
    const parts = extractNotes(
      body(['## 标题', '```', 'Note: 代码', '```', 'Note: 真的备注', 'Note: 备注里的字']),
    );
    expect(parts).toEqual({
      content: '## 标题\n```\nNote: 代码\n```',
      notes: '真的备注\nNote: 备注里的字',
      notesIndex: 4,
      indentedMarker: -1,
    });
  });

  test('Note: later in a line, or in a > quote, is slide text', () => {
    const lines = ['## 标题', '请看 Note: 这不是备注', '> Note: 引用也不是', '**Note:** 加粗也不是'];
    expect(extractNotes(body(lines)).notesIndex).toBe(-1);
  });

  test.each([[' Note:'], ['  notes：'], ['\tNote:'], ['    Note:'], ['\u3000Note：']])(
    'an indented marker (`%s`) still keeps the notes off the slide, and is reported',
    (marker) => {
      expect(extractNotes(body(['## 标题', '- 要点', `${marker} 只给讲者看。`]))).toEqual({
        content: '## 标题\n- 要点',
        notes: '只给讲者看。',
        notesIndex: 2,
        indentedMarker: 2,
      });
    },
  );

  test('a fence never closed is plain text when the splitter says so: the Note: after it is a marker', () => {
    const lines = ['## 标题', '```js', 'let x;', 'Note:', '备注'];
    expect(extractNotes(body(lines)).notesIndex).toBe(-1);
    expect(extractNotes(body(lines), [1])).toMatchObject({
      content: '## 标题\n```js\nlet x;',
      notes: '备注',
    });
  });

  test('a slide without notes keeps all of its content', () => {
    expect(extractNotes('## 标题\n\n正文')).toEqual({
      content: '## 标题\n\n正文',
      notes: '',
      notesIndex: -1,
      indentedMarker: -1,
    });
  });

  test('an empty Note: gives empty notes', () => {
    expect(extractNotes('## 标题\nNote:\n\n')).toEqual({
      content: '## 标题',
      notes: '',
      notesIndex: 1,
      indentedMarker: -1,
    });
  });
});
