import { describe, expect, test } from 'vitest';
import { extractNotes } from '../../../src/node/markdown/extract-notes.js';

const body = (lines: string[]) => lines.join('\n');

describe('extractNotes', () => {
  test.each([['Note:'], ['Notes:']])('a `%s` line starts the notes', (marker) => {
    expect(extractNotes(body(['## 标题', '', '- 要点', '', marker, '第一句。', '第二句。']))).toEqual({
      content: '## 标题\n\n- 要点\n',
      notes: '第一句。\n第二句。',
      notesIndex: 5,
    });
  });

  test('text on the same line as Note: is the first line of the notes', () => {
    expect(extractNotes(body(['## 标题', 'Note: 开场白。', '接着说。']))).toEqual({
      content: '## 标题',
      notes: '开场白。\n接着说。',
      notesIndex: 1,
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
    ];
    expect(extractNotes(body(lines))).toEqual({ content: body(lines), notes: '', notesIndex: -1 });
  });

  test('the first Note: outside a fence wins; later markers stay in the notes', () => {
    const parts = extractNotes(
      body(['## 标题', '```', 'Note: 代码', '```', 'Note: 真的备注', 'Note: 备注里的字']),
    );
    expect(parts).toEqual({
      content: '## 标题\n```\nNote: 代码\n```',
      notes: '真的备注\nNote: 备注里的字',
      notesIndex: 4,
    });
  });

  test('Note: is a marker only at the start of a line, with that exact spelling', () => {
    const lines = [
      '## 标题',
      '请看 Note: 这不是备注',
      ' Note: 缩进的也不是',
      'note: 小写也不是',
      'NOTE: 大写也不是',
    ];
    expect(extractNotes(body(lines)).notesIndex).toBe(-1);
  });

  test('a slide without notes keeps all of its content', () => {
    expect(extractNotes('## 标题\n\n正文')).toEqual({
      content: '## 标题\n\n正文',
      notes: '',
      notesIndex: -1,
    });
  });

  test('an empty Note: gives empty notes', () => {
    expect(extractNotes('## 标题\nNote:\n\n')).toEqual({ content: '## 标题', notes: '', notesIndex: 1 });
  });
});
