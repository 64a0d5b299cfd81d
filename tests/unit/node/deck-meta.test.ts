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
      {
        severity: 'error',
        code: 'deck-meta',
        file: FILE,
        line: 3,
        message: '`duration` must be a number of minutes from 1 to 600 (got "半小时")',
      },
    ]);
  });

  test('a number where text belongs is reported too', () => {
    expect(parse(['title: 2023', 'author: 讲者']).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'deck-meta',
        file: FILE,
        line: 1,
        message: '`title` must be text (got 2023)',
      },
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

  test.each([
    ['zh-CN'],
    ['en'],
    ['zh-Hans-CN'],
    ['en-GB'],
    ['yue-Hant-HK'],
    ['de-CH-1996'],
    ['en-US-x-twain'],
  ])('accepts the language tag %s', (lang) => {
    expect(parse(['title: 讲稿', 'author: 讲者', `lang: ${lang}`])).toEqual({
      meta: { title: '讲稿', author: '讲者', lang },
      diagnostics: [],
    });
  });

  test.each([
    [`'zh-CN"><script>alert(1)</script><meta x="'`],
    ['zh_CN'],
    ['chinese simplified'],
    ['zh-'],
    ['12'],
    ['x'],
    ['"zh-CN\\n"'],
  ])('refuses the language %s, keeping the default', (lang) => {
    const { meta, diagnostics } = parse(['title: 讲稿', 'author: 讲者', `lang: ${lang}`]);
    expect(meta.lang).toBe('zh-CN');
    expect(diagnostics).toMatchObject([
      {
        line: 3,
        message: expect.stringMatching(
          /^`lang` must be a language tag such as zh-CN, en, zh-Hans-CN or en-GB \(got /,
        ),
      },
    ]);
    expect(diagnostics[0]!.message).not.toContain('\n');
  });

  test.each([['0'], ['-5'], ['.inf'], ['.nan'], ['601'], ['"30"']])('refuses the duration %s', (duration) => {
    expect(parse(['title: 讲稿', 'author: 讲者', `duration: ${duration}`]).diagnostics).toMatchObject([
      { line: 3, message: expect.stringContaining('`duration` must be a number of minutes from 1 to 600') },
    ]);
  });

  test.each([
    ['title: ""', '`title` must not be empty'],
    ['title: "  "', '`title` must not be empty'],
    ['title: "第一行\\n第二行"', '`title` must be one line of text'],
    ['title: |\n  第一行\n  第二行', '`title` must be one line of text'],
    [`title: ${'长'.repeat(121)}`, '`title` must be at most 120 characters'],
    ['title: [讲稿]', '`title` must be text'],
  ])('refuses the title in `%s`', (yaml, message) => {
    const { meta, diagnostics } = parse([yaml, 'author: 讲者']);
    expect(meta.title).toBe('Untitled talk');
    expect(diagnostics).toMatchObject([{ line: 1, message: expect.stringContaining(message) }]);
  });

  test('a deck.yaml that is a list or a word is reported once, at line 1', () => {
    for (const text of [['- title', '- author'], ['讲稿']])
      expect(parse(text).diagnostics).toMatchObject([
        { line: 1, message: 'deck.yaml must be `key: value` lines (title, author, venue, lang, duration)' },
      ]);
  });

  test('an alias bomb is a bad value, not a crash', () => {
    const lines = ['title: 讲稿', 'author: 讲者', 'a0: &a0 [x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    expect(() => parse(lines)).not.toThrow();
  });
});
