import katex from 'katex';
import { describe, expect, test } from 'vitest';
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
  test('keeps the layout rules and only the woff2 source of the faces in use', () => {
    const css = mathCss([render(String.raw`\text{大模型} = x`)], ROOT);
    const fontFaces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(fontFaces.map((rule) => /font-family:([\w"]+)/.exec(rule)?.[1]).sort()).toEqual([
      'KaTeX_Main',
      'KaTeX_Math',
    ]);
    for (const rule of fontFaces) {
      expect(rule).toMatch(
        /url\("\/node_modules\/katex\/dist\/fonts\/KaTeX_\w+-\w+\.woff2"\) format\("woff2"\)/,
      );
      expect(rule).not.toMatch(/\.woff"|\.ttf"/);
    }
    expect(css).toContain('.katex .mathnormal{');
  });

  test('is empty for a deck without math', () => {
    expect(mathCss(['<h1>标题</h1>', '<p>正文</p>'], ROOT)).toBe('');
  });
});

describe('mathTextIsBold', () => {
  test('finds bold TeX text, which the bold Chinese subset must carry', () => {
    const runs = textRuns(render(String.raw`\text{常规} + \textbf{加粗}`));
    expect(runs.filter(mathTextIsBold).map((r) => r.text)).toEqual(['加粗']);
  });
});
