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
    expect(diagnostics[0]).toMatchObject({
      line: START + 2,
      message: expect.stringContaining('bad YAML front matter'),
    });
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
