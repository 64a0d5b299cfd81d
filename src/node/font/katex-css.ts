// KaTeX's stylesheet cut to what the deck's formulas need, at build time. katex.min.css declares
// 20 font faces in three formats (~1 MB of files once Vite copies them); a deck rarely uses more
// than KaTeX_Main. We keep every layout rule, but only the @font-face rules for the faces the
// rendered formulas can ask for, each as woff2 alone (every browser that runs reveal.js 6 reads
// woff2) cut to the characters the formulas draw with it: `+` and `=` need 2 KB of KaTeX_Main,
// not 26. A deck without math gets no KaTeX CSS at all.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { textRuns, type HtmlElement, type TextRun } from '../markdown/html-text.js';
import { projectPath } from '../project-path.js';
import { cachedSubset } from './cached-subset.js';

export interface KatexFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

interface StyleRule {
  selectors: ParsedSelector[];
  family?: string;
  weight?: number;
  style?: KatexFace['style'];
}

interface ParsedSelector {
  /** Tag of the element the rule styles, or null for any. */
  tag: string | null;
  /** Classes the styled element itself must carry. */
  classes: string[];
  /** Classes some ancestor must carry (checked loosely: any ancestor, any combinator). */
  context: string[];
}

/** A face katex.min.css declares, with its woff2 file (relative to the stylesheet). */
type SourceFace = KatexFace & { woff2: string };

interface KatexStylesheet {
  /** Every rule but the @font-face ones, verbatim. */
  layout: string;
  faces: SourceFace[];
  rules: StyleRule[];
}

/** KaTeX's own default for `.katex`: `font: normal 1.21em KaTeX_Main`. */
const DEFAULT_FACE: KatexFace = { family: 'KaTeX_Main', weight: 400, style: 'normal' };
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const WOFF2_SOURCE = /url\(([^)]+\.woff2)\)\s*format\(["']woff2["']\)/;
const COMPOUND_SPLIT = /\s*[\s>+~]\s*/;

let stylesheet: KatexStylesheet | undefined;

/**
 * CSS for the deck's math, or '' when no slide has any; runs when Vite loads `virtual:deck-math.css`.
 * Each face is cut to the characters the formulas draw with it, cached in `cacheDir`.
 */
export async function mathCss(htmls: string[], root: string, cacheDir: string): Promise<string> {
  const runs = htmls.flatMap((html) => mathRuns(html));
  if (runs.length === 0) return '';
  const sheet = loadStylesheet();
  const fontsDir = dirname(katexCssPath());
  const fontFaces = await Promise.all(
    [...faceCharacters(runs)].map(async ([face, characters]) => {
      const source = join(fontsDir, face.woff2);
      const name = face.woff2.replace(/\.woff2$/, '').replace(/^.*\//, '');
      const url = '/' + projectPath(root, await cachedSubset(source, characters, cacheDir, name));
      return `@font-face{font-display:block;font-family:${face.family};font-style:${face.style};font-weight:${face.weight};src:url(${JSON.stringify(url)}) format("woff2")}`;
    }),
  );
  return [...fontFaces, sheet.layout].join('\n');
}

/** The KaTeX font faces the formulas in `htmls` draw with (KaTeX_Main Regular always); used by mathCss and the benchmark. */
export function usedKatexFaces(htmls: string[]): KatexFace[] {
  const runs = htmls.flatMap((html) => mathRuns(html));
  if (runs.length === 0) return [];
  return [...faceCharacters(runs).keys()];
}

/** Whether a text run inside a formula renders bold (`\textbf`, `\mathbf`, `\boldsymbol`…); the bold font subset asks this. */
export function mathTextIsBold(run: TextRun): boolean {
  if (!inFormula(run.ancestors)) return false;
  return computedFace(run.ancestors, loadStylesheet().rules).weight >= 600;
}

/** The text runs of the visible (HTML) part of the formulas in `html`; the MathML copy is skipped. */
function mathRuns(html: string): TextRun[] {
  if (!html.includes('katex')) return [];
  return textRuns(html).filter((run) => inFormula(run.ancestors));
}

function inFormula(ancestors: HtmlElement[]): boolean {
  return (
    ancestors.some((e) => e.classes.includes('katex')) &&
    !ancestors.some((e) => e.classes.includes('katex-mathml'))
  );
}

/**
 * The faces the browser will pick for these runs, each with the characters it draws, in
 * katex.min.css's order. Faces are matched as CSS font matching does: the requested style if the
 * family has it, then the nearest weight, so a face is never left out that the browser would
 * fetch. KaTeX_Main Regular is always in: the formula's own font.
 */
function faceCharacters(runs: TextRun[]): Map<SourceFace, string> {
  const { faces, rules } = loadStylesheet();
  const wanted = [
    { face: DEFAULT_FACE, text: '' },
    ...runs.map((run) => ({ face: computedFace(run.ancestors, rules), text: run.text })),
  ];
  const characters = new Map<SourceFace, Set<string>>();
  for (const { face: want, text } of wanted) {
    const family = faces.filter((f) => f.family === want.family);
    const styled = family.some((f) => f.style === want.style)
      ? family.filter((f) => f.style === want.style)
      : family;
    const best = styled.reduce<SourceFace | undefined>(
      (a, f) =>
        a === undefined || Math.abs(f.weight - want.weight) < Math.abs(a.weight - want.weight) ? f : a,
      undefined,
    );
    if (!best) continue;
    const set = characters.get(best) ?? new Set<string>();
    for (const char of text) set.add(char);
    characters.set(best, set);
  }
  return new Map(
    faces
      .filter((face) => characters.has(face))
      .map((face) => [face, [...characters.get(face)!].sort().join('')]),
  );
}

/** Family, weight and style of a text node: each property from the innermost element a rule sets it on. */
function computedFace(ancestors: HtmlElement[], rules: StyleRule[]): KatexFace {
  const face: Partial<KatexFace> = {};
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const element = ancestors[i]!;
    const above = ancestors.slice(0, i);
    const own: Partial<KatexFace> = {};
    for (const rule of rules) {
      if (!rule.selectors.some((s) => matches(s, element, above))) continue;
      // Later rules win over earlier ones of the same specificity, as in the cascade.
      if (rule.family) own.family = rule.family;
      if (rule.weight) own.weight = rule.weight;
      if (rule.style) own.style = rule.style;
    }
    face.family ??= own.family;
    face.weight ??= own.weight;
    face.style ??= own.style;
  }
  return {
    family: face.family ?? DEFAULT_FACE.family,
    weight: face.weight ?? DEFAULT_FACE.weight,
    style: face.style ?? DEFAULT_FACE.style,
  };
}

function matches(selector: ParsedSelector, element: HtmlElement, above: HtmlElement[]): boolean {
  if (selector.tag !== null && selector.tag !== element.tag) return false;
  if (!selector.classes.every((c) => element.classes.includes(c))) return false;
  return selector.context.every((c) => above.some((e) => e.classes.includes(c)));
}

function loadStylesheet(): KatexStylesheet {
  if (stylesheet) return stylesheet;
  const css = readFileSync(katexCssPath(), 'utf8');
  const layout: string[] = [];
  const faces: KatexStylesheet['faces'] = [];
  const rules: StyleRule[] = [];
  for (const [rule, selectorText, body] of css.matchAll(RULE)) {
    const selector = selectorText!.trim();
    const declarations = parseDeclarations(body!);
    if (selector === '@font-face') {
      const woff2 = WOFF2_SOURCE.exec(declarations.src ?? '')?.[1];
      if (!woff2 || !declarations['font-family'])
        throw new Error(`katex.min.css: a @font-face without a woff2 source: ${rule.slice(0, 120)}`);
      faces.push({
        family: familyName(declarations['font-family']),
        weight: fontWeight(declarations['font-weight']) ?? 400,
        style: fontStyle(declarations['font-style']) ?? 'normal',
        woff2,
      });
      continue;
    }
    layout.push(rule.trim());
    const styleRule: StyleRule = {
      selectors: selector
        .split(',')
        .map(parseSelector)
        .filter((s) => s !== null),
      family: declarations['font-family'] && familyName(declarations['font-family']),
      weight: fontWeight(declarations['font-weight']),
      style: fontStyle(declarations['font-style']),
    };
    if (styleRule.selectors.length > 0 && (styleRule.family || styleRule.weight || styleRule.style))
      rules.push(styleRule);
  }
  if (faces.length === 0)
    throw new Error('katex.min.css: no @font-face rules found; has KaTeX changed its stylesheet?');
  stylesheet = { layout: layout.join(''), faces, rules };
  return stylesheet;
}

/** `.katex .delimsizing.mult .delim-size1>span` → styles `span`, needs `.delimsizing.mult.delim-size1` above. */
function parseSelector(text: string): ParsedSelector | null {
  const compounds = text.trim().split(COMPOUND_SPLIT).filter(Boolean);
  const last = compounds.pop();
  if (!last || last.includes(':') || last.includes('[')) return null;
  const [tag, ...classes] = last.split('.');
  // `.katex` alone is KaTeX's root: its font is DEFAULT_FACE.
  if (!tag && classes.length === 1 && classes[0] === 'katex' && compounds.length === 0) return null;
  const context = compounds.flatMap((c) => c.split('.').slice(1)).filter((c) => c !== 'katex');
  return { tag: tag || null, classes, context };
}

function parseDeclarations(body: string): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations[part.slice(0, colon).trim()] = part.slice(colon + 1).trim();
  }
  return declarations;
}

/** The first family of a font-family list, unquoted: `"KaTeX_SansSerif"` and `KaTeX_SansSerif` are one family. */
function familyName(value: string): string {
  return value
    .split(',')[0]!
    .trim()
    .replace(/^["']|["']$/g, '');
}

function fontWeight(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'bold') return 700;
  if (value === 'normal') return 400;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function fontStyle(value: string | undefined): KatexFace['style'] | undefined {
  return value === 'italic' || value === 'normal' ? value : undefined;
}

function katexCssPath(): string {
  return createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
}
