import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSync } from 'fontkit';
import katex from 'katex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textRuns } from '../../../src/node/markdown/html-text.js';
import { mathCss, mathTextIsBold, usedKatexFaces } from '../../../src/node/font/katex-css.js';

const ROOT = process.cwd();
const render = (tex: string) => katex.renderToString(tex, { displayMode: true, output: 'htmlAndMathml' });
const faces = (tex: string) => usedKatexFaces([render(tex)]).map((f) => `${f.family} ${f.weight} ${f.style}`);

describe('usedKatexFaces', () => {
  test('text-only math needs KaTeX_Main Regular alone', () => {
    expect(faces(String.raw`\text{大数据} + \text{大算力} = \text{大模型}`)).toEqual([
      'KaTeX_Main 400 normal',
    ]);
  });

  test('variables, bold and blackboard letters bring their own faces', () => {
    expect(faces(String.raw`x + \mathbf{v} + \mathbb{R} + \boldsymbol{\alpha}`).sort()).toEqual([
      'KaTeX_AMS 400 normal',
      'KaTeX_Main 400 normal',
      'KaTeX_Main 700 normal',
      'KaTeX_Math 400 italic',
      'KaTeX_Math 700 italic',
    ]);
  });

  test('a quoted family in katex.min.css is the same family (\\mathsf)', () => {
    expect(faces(String.raw`\mathsf{s}`)).toContain('KaTeX_SansSerif 400 normal');
  });

  test('large operators and delimiters use the size fonts', () => {
    expect(faces(String.raw`\sum_i \left(\frac{a}{b}\right)`)).toEqual(
      expect.arrayContaining(['KaTeX_Size2 400 normal']),
    );
  });

  test('no math, no faces', () => {
    expect(usedKatexFaces(['<p>没有公式</p>'])).toEqual([]);
  });
});

describe('mathCss', () => {
  let cacheDir: string;
  // The first subset starts HarfBuzz (WebAssembly): seconds on a busy machine, so not inside a test's 5 s.
  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'katex-css-test-'));
    await mathCss([render('x')], ROOT, cacheDir);
  }, 60_000);
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  /** The font files the @font-face rules of `css` point at, by family. */
  const faceFiles = (css: string) =>
    new Map(
      (css.match(/@font-face\{[^}]*\}/g) ?? []).map((rule) => {
        const url = /src:url\("([^"]+)"\) format\("woff2"\)/.exec(rule)?.[1] ?? '';
        return [/font-family:([\w"]+)/.exec(rule)?.[1] ?? '', resolve(ROOT, `.${url}`)] as const;
      }),
    );

  test('keeps the layout rules and only the faces in use, as woff2 alone', async () => {
    const css = await mathCss([render(String.raw`\text{大模型} = x`)], ROOT, cacheDir);
    expect([...faceFiles(css).keys()].sort()).toEqual(['KaTeX_Main', 'KaTeX_Math']);
    expect(css).not.toMatch(/\.woff"|\.ttf"/);
    expect(css).toContain('.katex .mathnormal{');
  });

  test('cuts each face to the characters the formulas draw with it', async () => {
    const css = await mathCss([render(String.raw`\text{大模型} = x + y`)], ROOT, cacheDir);
    const files = faceFiles(css);
    const has = (family: string, char: string) => {
      const font = openSync(files.get(family)!);
      return 'hasGlyphForCodePoint' in font && font.hasGlyphForCodePoint(char.codePointAt(0)!);
    };
    expect(['=', '+', '-'].map((c) => has('KaTeX_Main', c))).toEqual([true, true, false]);
    expect(['x', 'y', 'z'].map((c) => has('KaTeX_Math', c))).toEqual([true, true, false]);
    // The whole KaTeX_Main is 26 KB.
    expect(statSync(files.get('KaTeX_Main')!).size).toBeLessThan(5_000);
  });

  test('is empty for a deck without math', async () => {
    expect(await mathCss(['<h1>标题</h1>', '<p>正文</p>'], ROOT, cacheDir)).toBe('');
  });
});

describe('mathTextIsBold', () => {
  test('finds bold TeX text, which the bold Chinese subset must carry', () => {
    const runs = textRuns(render(String.raw`\text{常规} + \textbf{加粗}`));
    expect(runs.filter(mathTextIsBold).map((r) => r.text)).toEqual(['加粗']);
  });
});
