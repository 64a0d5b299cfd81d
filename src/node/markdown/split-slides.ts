// Splits one Markdown file into raw slides, keeping every line number. Pure: text in, data out.
import type { Diagnostic } from '../../shared/deck.js';
import { SEPARATOR, findFrontMatter, type FrontMatterBlock } from './front-matter-block.js';
import { MAX_DIAGNOSTICS_PER_FILE } from './limits.js';
import { LineContext, type OpenBlock } from './line-context.js';

export interface RawSlide {
  file: string;
  /** 1-based line of the slide's first line (its separator or front matter). */
  line: number;
  frontMatter: { text: string; line: number } | null;
  /** The slide's Markdown, front matter removed. */
  body: string;
  /** 1-based line number of the first line of `body`. */
  bodyLine: number;
  /** Problems found while splitting that belong to this slide (a fence never closed, front matter never closed). */
  diagnostics: Diagnostic[];
  /** 0-based lines of `body` that open a fence or comment never closed: plain text, as the splitter read them. */
  plainLines: number[];
}

export interface SplitResult {
  slides: RawSlide[];
  /** Problems that belong to no slide (an empty slide). */
  diagnostics: Diagnostic[];
}

/** Splits a Markdown file on `---` lines outside code fences and HTML comments. */
export function splitSlides(text: string, file: string): SplitResult {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  // A fence or comment never closed would swallow every slide after it: split again reading its
  // opening line as plain text, so only its own slide is broken.
  const unclosed: OpenBlock[] = [];
  // Where front matter is after a `---` does not change from one pass to the next: found once,
  // so a file of a thousand unclosed comments does not look for it a million times.
  const found = new Map<number, FrontMatterBlock | null>();
  const frontMatter = (start: number) => {
    if (!found.has(start)) found.set(start, findFrontMatter(lines, start));
    return found.get(start)!;
  };
  for (;;) {
    const pass = splitLines(lines, file, new Set(unclosed.map((block) => block.index)), frontMatter);
    if (pass.open) unclosed.push(pass.open);
    // Each pass costs the whole file: past the number of problems a file lists, the last block
    // left open keeps the rest of the file in its slide (a thousand openers is not a talk).
    if (pass.open && unclosed.length < MAX_DIAGNOSTICS_PER_FILE) continue;
    for (const block of unclosed) {
      const owner = pass.slides.filter((slide) => slide.line <= block.index + 1).at(-1)!;
      owner.diagnostics.push({
        severity: 'error',
        code: block.kind === 'fence' ? 'unclosed-fence' : 'unclosed-comment',
        file,
        line: block.index + 1,
        message:
          block.kind === 'fence'
            ? 'code fence opened here is never closed (add a closing ``` line)'
            : 'HTML comment opened here is never closed (add -->)',
      });
    }
    return { slides: pass.slides, diagnostics: pass.diagnostics };
  }
}

/** One pass over the lines; `open` is the fence or comment left open at the end of the file. */
function splitLines(
  lines: string[],
  file: string,
  plainLines: ReadonlySet<number>,
  findFrontMatterAt: (start: number) => FrontMatterBlock | null,
): SplitResult & { open: OpenBlock | null } {
  const slides: RawSlide[] = [];
  const diagnostics: Diagnostic[] = [];
  let context = new LineContext(plainLines);
  let open: OpenBlock | null = null;
  let current: RawSlide | null = null;
  let bodyLines: string[] = [];

  // `atEnd`: a trailing `---` at the end of a file, or blank lines before the first one, are not slides.
  const finish = (atEnd: boolean) => {
    if (!current) return;
    open ??= context.open();
    current.body = bodyLines.join('\n');
    const first = current.bodyLine - 1;
    if (plainLines.size > 0)
      for (let at = 0; at < bodyLines.length; at++)
        if (plainLines.has(first + at)) current.plainLines.push(at);
    const empty = !current.frontMatter && current.body.trim() === '';
    const leading = slides.length === 0 && current.line === 1 && !SEPARATOR.test(lines[0] ?? '');
    if (!empty) slides.push(current);
    else if (!atEnd && !leading) {
      diagnostics.push({
        severity: 'error',
        code: 'empty-slide',
        file,
        line: current.line,
        message: 'empty slide: nothing between two --- separators (remove one of them)',
      });
    }
    bodyLines = [];
    context = new LineContext(plainLines);
  };

  /** A slide whose first line is the 1-based `line`. */
  const slide = (line: number): RawSlide => ({
    file,
    line,
    frontMatter: null,
    body: '',
    bodyLine: line + 1,
    diagnostics: [],
    plainLines: [],
  });

  // Takes the front matter after the `---` at `index`, if there is one: returns the index of the
  // last line it used (the body starts on the next line).
  const frontMatter = (raw: RawSlide, index: number): number => {
    const block = findFrontMatterAt(index + 1);
    if (!block) return index;
    raw.frontMatter = { text: lines.slice(index + 1, block.end).join('\n'), line: index + 2 };
    raw.bodyLine = (block.closed ? block.end + 1 : block.end) + 1;
    if (!block.closed)
      raw.diagnostics.push({
        severity: 'error',
        code: 'front-matter',
        file,
        line: index + 1,
        message: `front matter opened here is never closed (add a --- line after its last key, line ${block.end})`,
      });
    return raw.bodyLine - 2;
  };

  const start = (index: number): number => {
    finish(false);
    current = slide(index + 1);
    return frontMatter(current, index);
  };

  let i = 0;
  if (SEPARATOR.test(lines[0] ?? '')) {
    i = start(0) + 1;
  } else {
    current = slide(1);
    current.bodyLine = 1;
    // Keys and a --- at the very top of a file, with no --- above them: front matter missing its opening line.
    const block = findFrontMatterAt(0);
    if (block?.closed) {
      current.diagnostics.push({
        severity: 'error',
        code: 'front-matter',
        file,
        line: 1,
        message: 'front matter needs a --- line above it too (add --- as the first line of the file)',
      });
      current.frontMatter = { text: lines.slice(0, block.end).join('\n'), line: 1 };
      current.bodyLine = block.end + 2;
      i = block.end + 1;
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const plain = context.feed(line, i);
    if (plain && SEPARATOR.test(line)) {
      i = start(i);
      continue;
    }
    bodyLines.push(line);
  }
  finish(true);
  return { slides, diagnostics, open };
}
