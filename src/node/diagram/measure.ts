// Text widths at build time, from the deck's own font file (Source Han Sans SC, the file the
// subset is cut from), so a diagram's words are wrapped and fitted to their boxes exactly as the
// browser will draw them. Also: line breaking for Chinese with Latin terms (no break inside a
// word, no closing punctuation at a line start, no opening punctuation at a line end).
import { openSync, type Font } from 'fontkit';
import { sourcePath } from '../font/subset-font.js';

/** How a run of text is set: size in slide pixels, weight. */
export interface TextStyle {
  size: number;
  bold: boolean;
}

/** Measures a single line of text in slide pixels. */
export type Measure = (text: string, style: TextStyle) => number;

/**
 * Chromium's `text-autospace: normal` (the theme's setting) puts 1/8 em between a Han character
 * and a Latin letter or digit. Measured here as the browser draws it.
 */
const AUTOSPACE = 0.125;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ALPHANUMERIC = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]/u;

const fonts = new Map<boolean, Font>();

function font(bold: boolean): Font {
  let loaded = fonts.get(bold);
  if (!loaded) {
    const opened = openSync(sourcePath(bold ? 'bold' : 'regular'));
    if (!('layout' in opened)) throw new Error('the deck font is a collection, not a single font');
    loaded = opened;
    fonts.set(bold, loaded);
  }
  return loaded;
}

/** Widths are asked for again and again while lines are balanced: remember them. */
const widths = new Map<string, number>();

/** Width of `text` on one line, in slide pixels: the font's own advances and kerning, plus autospace. */
export const measureText: Measure = (text, style) => {
  const key = `${style.bold ? 'b' : 'r'}${style.size}:${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const face = font(style.bold);
    const run = face.layout(text);
    width = (run.advanceWidth / face.unitsPerEm + autospaces(text) * AUTOSPACE) * style.size;
    widths.set(key, width);
  }
  return width;
};

/** How many places in `text` get autospace: a Han character next to a Latin letter or digit. */
export function autospaces(text: string): number {
  const chars = [...text];
  let count = 0;
  for (let i = 1; i < chars.length; i++) {
    const [a, b] = [chars[i - 1]!, chars[i]!];
    if ((IDEOGRAPH.test(a) && ALPHANUMERIC.test(b)) || (ALPHANUMERIC.test(a) && IDEOGRAPH.test(b))) count++;
  }
  return count;
}

/** Never at the start of a line: closing brackets and quotes, and punctuation that ends a clause. */
const NO_START = new Set([...'，。、；：！？）」』》〉】〕”’…·%,.;:!?)]}']);
/** Never at the end of a line: opening brackets and quotes. */
const NO_END = new Set([...'（「『《〈【〔“‘([{']);
/** Characters of one Latin word, e.g. `GPT-3.5`, `AI-based`, `API`, `SOTA`. */
const WORD = /[A-Za-z0-9.+\-_/'’]/;

/**
 * Splits text into the pieces a line may break between: one Han character, or one Latin word,
 * with a space before it recorded. Punctuation sticks to its neighbour (kinsoku).
 */
export function breakUnits(text: string): { text: string; space: boolean }[] {
  const atoms: { text: string; space: boolean }[] = [];
  let space = false;
  for (const char of text) {
    if (/\s/.test(char)) {
      space = atoms.length > 0;
      continue;
    }
    const last = atoms.at(-1);
    const lastChar = last ? [...last.text].at(-1)! : '';
    const joins =
      last !== undefined &&
      !space &&
      ((WORD.test(char) && WORD.test(lastChar)) || NO_START.has(char) || NO_END.has(lastChar));
    if (joins) last.text += char;
    else atoms.push({ text: char, space });
    space = false;
  }
  return atoms;
}

/**
 * Punctuation that ends a phrase: the best places to break a line. Not a colon: `前台：` belongs
 * with what follows it.
 */
const PHRASE_END = /[，。、；！？,;!?]$/;

/**
 * The pieces a line may break between, joined into phrases: a break only after a phrase's
 * punctuation (、，；…) or at a space.
 */
function phraseUnits(paragraph: string): { text: string; space: boolean }[] {
  const phrases: { text: string; space: boolean }[] = [];
  for (const unit of breakUnits(paragraph)) {
    const last = phrases.at(-1);
    if (last && !unit.space && !PHRASE_END.test(last.text)) last.text += unit.text;
    else phrases.push({ ...unit });
  }
  return phrases;
}

type Units = (paragraph: string) => { text: string; space: boolean }[];

/** Greedy line breaking of `text` at `maxWidth`; a piece wider than `maxWidth` gets a line of its own. */
export function wrapGreedy(
  text: string,
  maxWidth: number,
  style: TextStyle,
  measure: Measure,
  units: Units = breakUnits,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const unit of units(paragraph)) {
      const candidate = line === '' ? unit.text : line + (unit.space ? ' ' : '') + unit.text;
      if (line !== '' && measure(candidate, style) > maxWidth) {
        lines.push(line);
        line = unit.text;
      } else line = candidate;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/**
 * Line breaking for a box: as few lines as breaking anywhere allows, preferably broken between
 * phrases (after 、，；), and evened out (no lone character on a last line).
 */
export function wrapBalanced(text: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const fewest = wrapGreedy(text, maxWidth, style, measure).length;
  const fits = (lines: string[], width: number) =>
    lines.length <= fewest && lines.every((line) => measure(line, style) <= width);
  for (const units of [phraseUnits, breakUnits]) {
    const greedy = wrapGreedy(text, maxWidth, style, measure, units);
    if (!fits(greedy, maxWidth)) continue;
    if (greedy.length <= 1) return greedy;
    // The narrowest width that still gives this many lines.
    let low = Math.max(...greedy.map((line) => measure(line, style))) / greedy.length;
    let high = maxWidth;
    let best = greedy;
    while (high - low > 1) {
      const mid = (low + high) / 2;
      const lines = wrapGreedy(text, mid, style, measure, units);
      if (fits(lines, mid)) {
        best = lines;
        high = mid;
      } else low = mid;
    }
    return best;
  }
  // Something is wider than the box: the caller reports it.
  return wrapGreedy(text, maxWidth, style, measure);
}
