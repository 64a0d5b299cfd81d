import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../../src/node/markdown/front-matter.js';

const FILE = 'slides/x.md';
/** The front matter's first line is line 12 of the file: its Nth line is line 11 + N. */
const START = 12;
const parse = (lines: string[]) => parseFrontMatter(lines.join('\n'), FILE, START);

describe('parseFrontMatter', () => {
  test('accepts each allowed key with the right type', () => {
    const { attributes, diagnostics } = parse([
      'id: openai-team',
      'class: content wide',
      'transition: fade',
      'background: "#0f1a2e"',
      'timing: 130',
      'minutes: 2.5',
      'part-minutes: 8',
      'build: items',
    ]);
    expect(diagnostics).toEqual([]);
    expect(attributes).toEqual({
      id: 'openai-team',
      class: 'content wide',
      transition: 'fade',
      background: '#0f1a2e',
      timing: 130,
      minutes: 2.5,
      'part-minutes': 8,
      build: 'items',
    });
  });

  test('part-minutes must be a positive number, reported at its line', () => {
    const { diagnostics } = parse(['id: a', 'part-minutes: -3']);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [START + 1, '`part-minutes` must be a positive number of minutes (got -3)'],
    ]);
  });

  test.each([['rgb(15, 26, 46)'], ['oklch(40% 0.1 250)'], ['navy'], ['#fff']])(
    'accepts the CSS colour %s as a background',
    (colour) => {
      expect(parse([`background: "${colour}"`])).toEqual({
        attributes: { background: colour },
        diagnostics: [],
      });
    },
  );

  test('empty front matter gives no attributes and no problems', () => {
    expect(parse([''])).toEqual({ attributes: {}, diagnostics: [] });
  });

  test.each([
    ['id: Open AI', 'id', 'must be lowercase ASCII letters'],
    ['id: 2023', 'id', 'must be text starting with a letter, e.g. `id: y2023` (got 2023)'],
    [
      'id: "3"',
      'id',
      'must start with a letter (reveal.js reads an all-digit id as a slide number), e.g. `id: y3` (got "3")',
    ],
    ['id: 3d-model', 'id', 'must be lowercase ASCII letters, digits and dashes, starting with a letter'],
    ['id: 第三页', 'id', 'must be lowercase ASCII letters'],
    ['class: "title; color: red"', 'class', 'must be CSS class names'],
    [
      'transition: spin',
      'transition',
      'must be one of none, fade, slide, convex, concave, zoom (got "spin")',
    ],
    ['background: url(evil.png)', 'background', 'must be a CSS colour'],
    ['timing: soon', 'timing', 'must be a positive number of seconds (got "soon")'],
    ['timing: -5', 'timing', 'must be a positive number of seconds (got -5)'],
    ['build: all', 'build', 'the only value is `items` (got "all")'],
    ['build: [items]', 'build', 'the only value is `items` (got ["items"])'],
  ])('reports `%s` at its line and keeps the other key', (line, key, message) => {
    const [other, otherAttributes] =
      key === 'id' ? ['class: content', { class: 'content' }] : ['id: ok', { id: 'ok' }];
    const { attributes, diagnostics } = parse([other, line]);
    // The bad key is on the front matter's 2nd line.
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'front-matter',
        file: FILE,
        line: START + 1,
        message: expect.stringContaining(`\`${key}\` ${message}`),
      },
    ]);
    expect(attributes).toEqual(otherAttributes);
  });

  test('reports an unknown key at its line and names the allowed keys', () => {
    const { attributes, diagnostics } = parse(['id: a', 'timing: 30', 'colour: red']);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'front-matter',
        file: FILE,
        line: START + 2,
        message:
          'unknown front-matter key `colour` (allowed: id, class, transition, background, timing, minutes, part-minutes, build)',
      },
    ]);
    expect(attributes).toEqual({ id: 'a', timing: 30 });
  });

  test('reports every bad key, each at its own line', () => {
    const { diagnostics } = parse(['colour: red', 'id: a', 'timing: soon']);
    expect(diagnostics.map((d) => d.line)).toEqual([START, START + 2]);
  });

  test.each([['class: [content'], ['class: {name: content'], ['class: "title'], ["class: 'title"]])(
    'an unclosed bracket or quote (`%s`) is reported at its line, not where YAML notices it',
    (line) => {
      for (const after of [['timing: 30'], [], ['']]) {
        const { attributes, diagnostics } = parse(['id: a', line, ...after]);
        expect(attributes).toEqual({});
        expect(diagnostics).toEqual([
          {
            severity: 'error',
            code: 'front-matter',
            file: FILE,
            line: START + 1,
            message: expect.stringContaining('bad YAML front matter: '),
          },
        ]);
      }
    },
  );

  test('a tab used as indentation is reported at its line', () => {
    const { diagnostics } = parse(['id: a', 'timing: 3', '\tclass: b']);
    expect(diagnostics).toMatchObject([
      { line: START + 2, message: 'front-matter keys start the line: remove the indentation before `class`' },
    ]);
  });

  test.each([
    ['  id: a', 'front-matter keys start the line: remove the indentation before `id`'],
    ['id:a', 'write a space after the colon: `id: a`'],
    ['id：a', '`id：` has a full-width colon: write `id: a` with a plain colon'],
    ['id： a', '`id：` has a full-width colon: write `id: a` with a plain colon'],
    ['ID: a', 'unknown front-matter key `ID` (did you mean `id`?)'],
    ['Timing: 30', 'unknown front-matter key `Timing` (did you mean `timing`?)'],
    ['timming: 30', 'unknown front-matter key `timming` (did you mean `timing`?)'],
    ['transtion: fade', 'unknown front-matter key `transtion` (did you mean `transition`?)'],
    ['part_minutes: 3', 'unknown front-matter key `part_minutes` (did you mean `part-minutes`?)'],
  ])('the near miss `%s` says what was meant, at its line', (line, message) => {
    const { diagnostics } = parse(['class: content', line]);
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'front-matter', file: FILE, line: START + 1, message },
    ]);
  });

  test('a key written with a near miss of form still counts, so only the one problem is reported', () => {
    expect(parse(['  id: a', 'class:content', 'timing： 30']).attributes).toEqual({
      id: 'a',
      class: 'content',
      timing: 30,
    });
  });

  test('blank lines, comments and a value on the lines below its key are fine', () => {
    expect(parse(['', '# 本页设置', 'id: a', '', 'class: >', '  content wide'])).toEqual({
      attributes: { id: 'a', class: 'content wide' },
      diagnostics: [],
    });
  });

  test('an unquoted # colour is a YAML comment: the message says to quote it', () => {
    expect(parse(['background: #0f1a2e']).diagnostics).toMatchObject([
      {
        line: START,
        message:
          '`background` must be a CSS colour such as #0f1a2e (got null) (put the value in quotes: after a space, # starts a YAML comment)',
      },
    ]);
  });

  test('an alias bomb is a bad value, not a hang or a crash', () => {
    const bomb = [
      'a: &a ["x", "x"]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [*${i ? 'b'.repeat(i) : 'a'}, *${i ? 'b'.repeat(i) : 'a'}]`,
      ),
      'class: *bbbbbbbbbbbb',
    ];
    const started = Date.now();
    const { diagnostics } = parse(bomb);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(diagnostics.some((d) => d.message.startsWith('`class`'))).toBe(true);
  });

  test('a duplicate key is reported at its second occurrence', () => {
    const { attributes, diagnostics } = parse(['id: a', 'class: title', 'id: b']);
    expect(attributes).toEqual({});
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'front-matter',
        file: FILE,
        line: START + 2,
        message: expect.stringContaining('unique'),
      },
    ]);
  });

  test('front matter that is not key: value lines is reported at its first line', () => {
    const { attributes, diagnostics } = parse(['- id', '- class']);
    expect(attributes).toEqual({});
    expect(diagnostics).toMatchObject([{ line: START, message: 'front matter must be `key: value` lines' }]);
  });
});
