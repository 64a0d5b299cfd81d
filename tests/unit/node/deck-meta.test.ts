import { describe, expect, test } from 'vitest';
import { parseDeckMeta } from '../../../src/node/markdown/deck-meta.js';

const FILE = 'slides/deck.yaml';
const parse = (lines: string[]) => parseDeckMeta(lines.join('\n'), FILE);

describe('parseDeckMeta', () => {
  test('reads every field with its type, ignoring comments', () => {
    expect(
      parse([
        'title: 大模型发展机会与挑战',
        'author: 张宏江',
        'venue: 智源研究院（BAAI）',
        'lang: zh-CN',
        'duration: 30        # minutes',
        '',
      ]),
    ).toEqual({
      meta: {
        title: '大模型发展机会与挑战',
        author: '张宏江',
        venue: '智源研究院（BAAI）',
        lang: 'zh-CN',
        duration: 30,
      },
      diagnostics: [],
    });
  });

  test('lang defaults to zh-CN; venue and duration may be left out', () => {
    expect(parse(['title: 讲稿', 'author: 讲者'])).toEqual({
      meta: { title: '讲稿', author: '讲者', lang: 'zh-CN' },
      diagnostics: [],
    });
  });

  test('an empty file takes the defaults and reports the two required keys at line 1', () => {
    const { meta, diagnostics } = parse(['']);
    expect(meta).toEqual({ title: 'Untitled talk', author: '', lang: 'zh-CN' });
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'deck-meta', file: FILE, line: 1, message: 'deck.yaml needs `title`' },
      { severity: 'error', code: 'deck-meta', file: FILE, line: 1, message: 'deck.yaml needs `author`' },
    ]);
  });

  test('a wrongly typed value is reported at its line and the default kept', () => {
    const { meta, diagnostics } = parse(['title: 讲稿', 'author: 讲者', 'duration: 半小时']);
    expect(meta.duration).toBeUndefined();
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'deck-meta', file: FILE, line: 3, message: '`duration` must be a number' },
    ]);
  });

  test('a number where text belongs is reported too', () => {
    expect(parse(['title: 2023', 'author: 讲者']).diagnostics).toEqual([
      { severity: 'error', code: 'deck-meta', file: FILE, line: 1, message: '`title` must be a text' },
    ]);
  });

  test('an unknown key is reported at its line with the allowed keys', () => {
    expect(parse(['title: 讲稿', '', 'author: 讲者', 'date: 2023-03-01']).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'deck-meta',
        file: FILE,
        line: 4,
        message: 'unknown key `date` (allowed: title, author, venue, lang, duration)',
      },
    ]);
  });

  test('a YAML syntax error is reported at its line, without also calling every key missing', () => {
    const { diagnostics } = parse(['title: 讲稿', 'author: "讲者', 'lang: zh-CN', '']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'deck-meta',
        file: FILE,
        line: 2,
        message: expect.stringContaining('bad YAML: '),
      },
    ]);
  });

  test('a duplicate key is reported at its second occurrence', () => {
    const { diagnostics } = parse(['title: 讲稿', 'author: 讲者', 'title: 另一个']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'deck-meta',
        file: FILE,
        line: 3,
        message: expect.stringContaining('unique'),
      },
    ]);
  });
});
