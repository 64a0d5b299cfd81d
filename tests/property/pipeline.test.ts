// Property-based tests of the Markdown → Deck pipeline (loadDeck on a temporary project): for any
// text, any bytes, and any edit of the talk's own slides, it returns a deck whose problems each
// sit at a real line of a real file, never throws, finishes in bounded time, emits no HTML the
// safety rules refuse, and never shows a notes block on a slide. `FC_RUNS` sets the number of
// cases per property (100 in `npm test`, 5000 in `npm run fuzz`); `FC_SEED` replays a failure.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { loadDeck } from '../../src/node/markdown/load-deck.js';
import type { Deck } from '../../src/shared/deck.js';
import { ROOT } from '../fixtures/decks.js';
import { applyEdits, edit, line, markdownText, notesMarker } from './generators.js';
import { deckViolations, showsOutsideCode, unsafeHtml } from './invariants.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
/**
 * One case may take this long: loadDeck of the talk takes ~50 ms and of 1,000 generated slides
 * ~2 s on a busy machine; what this catches is a parser going quadratic (minutes).
 */
const CASE_TIME_LIMIT_MS = 10_000;
const TIMEOUT = Math.max(60_000, RUNS * 400);
const SLIDES = 'slides';
const META = 'title: 讲稿\nauthor: 讲者\n';
/** The problem list a broken slide opens with (load-deck.ts): it may quote the notes' source. */
const PROBLEM_LIST = /^<div class="deck-error deck-problems"[\s\S]*?<\/ul><\/div>/;
/** Text planted after a notes marker: it must never show on a slide. */
const SECRET = 'N0TESSECRETX';

const talkFiles = readdirSync(join(ROOT, SLIDES))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(ROOT, SLIDES, name), 'utf8') }));
const talkMeta = readFileSync(join(ROOT, SLIDES, 'deck.yaml'), 'utf8');
const artwork = readdirSync(join(ROOT, 'assets', 'art')).map((name) => ({
  name,
  bytes: readFileSync(join(ROOT, 'assets', 'art', name)),
}));

const base = mkdtempSync(join(tmpdir(), 'deck-property-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Stats {
  cases: number;
  withProblems: number;
  slowestMs: number;
}
const stats = new Map<string, Stats>();

/**
 * Writes a project (slides/ with `markdown` and deck.yaml, assets/art/ with the talk's artwork)
 * and loads it; returns the deck, every file by the name diagnostics use, and the time taken.
 */
function load(markdown: Record<string, string | Uint8Array>, meta: string = META) {
  const dir = mkdtempSync(join(base, 'case-'));
  try {
    mkdirSync(join(dir, SLIDES));
    mkdirSync(join(dir, 'assets', 'art'), { recursive: true });
    for (const { name, bytes } of artwork) writeFileSync(join(dir, 'assets', 'art', name), bytes);
    const files: Record<string, string | Uint8Array> = { [`${SLIDES}/deck.yaml`]: meta };
    writeFileSync(join(dir, SLIDES, 'deck.yaml'), meta);
    for (const [name, content] of Object.entries(markdown)) {
      writeFileSync(join(dir, SLIDES, name), content);
      files[`${SLIDES}/${name}`] = content;
    }
    const started = performance.now();
    const { deck } = loadDeck(join(dir, SLIDES), dir);
    return { deck, files, ms: performance.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The invariants every loaded deck must meet; counts the case under `property`. */
function check(property: string, loaded: ReturnType<typeof load>): Deck {
  const { deck, files, ms } = loaded;
  const entry = stats.get(property) ?? { cases: 0, withProblems: 0, slowestMs: 0 };
  stats.set(property, {
    cases: entry.cases + 1,
    withProblems: entry.withProblems + (deck.diagnostics.length > 0 ? 1 : 0),
    slowestMs: Math.max(entry.slowestMs, ms),
  });
  expect(ms, 'time to load the deck').toBeLessThan(CASE_TIME_LIMIT_MS);
  expect(deckViolations(deck, files, SLIDES)).toEqual([]);
  return deck;
}

const options = (): fc.Parameters<unknown> => ({
  numRuns: RUNS,
  ...(SEED === undefined ? {} : { seed: SEED }),
});

afterAll(() => {
  for (const [property, s] of stats)
    console.log(
      `${property}: ${s.cases} cases, ${s.withProblems} with problems, slowest ${s.slowestMs.toFixed(0)} ms`,
    );
});

describe('the invariants themselves', () => {
  test('find what they look for, and pass what is fine', () => {
    expect(unsafeHtml('<img src=x onerror=alert(1)>')).toEqual(['an onerror= attribute']);
    expect(unsafeHtml('<a href=" jav&#x09;ascript:alert(1)">x</a>')).toEqual(['a script URL in href=']);
    expect(unsafeHtml('<svg><set values="a;javascript:alert(1)"/></svg>')).toEqual([
      'a script URL in values=',
    ]);
    expect(unsafeHtml('<p style="color:red">x</p>')).toEqual(['a style= attribute outside KaTeX: color:red']);
    expect(unsafeHtml('<iframe src="x"></iframe>')).toEqual(['a <iframe> element']);
    expect(unsafeHtml('<span class="katex"><span style="top:1em">x</span></span>')).toEqual([]);
    expect(unsafeHtml('<a href="https://example.com/javascript:1">x</a>')).toEqual([]);
    expect(showsOutsideCode(`<p>${SECRET}</p>`, SECRET)).toBe(true);
    expect(showsOutsideCode(`<img alt="${SECRET}">`, SECRET)).toBe(true);
    expect(showsOutsideCode(`<pre><code>Note:\n${SECRET}</code></pre>`, SECRET)).toBe(false);
  });
});

describe('the Markdown → Deck pipeline', () => {
  test(
    'any Markdown-like text: a deck, or problems at real lines; safe HTML; in bounded time',
    () => {
      fc.assert(
        fc.property(markdownText, (text) => {
          check('any text', load({ 'a.md': text }));
        }),
        options(),
      );
    },
    TIMEOUT,
  );

  test(
    'large inputs, a piece repeated up to 1,000 times on one line or many: the same, in bounded time',
    () => {
      fc.assert(
        fc.property(
          line,
          fc.integer({ min: 1, max: 1000 }),
          fc.constantFrom('', ' ', '\n', '\n\n', '\n---\n'),
          (piece, times, glue) => {
            check('large input', load({ 'a.md': Array.from({ length: times }, () => piece).join(glue) }));
          },
        ),
        options(),
      );
    },
    TIMEOUT,
  );

  test(
    'any bytes named .md: the same, never a raw error',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
          check('any bytes', load({ 'a.md': bytes }));
        }),
        options(),
      );
    },
    TIMEOUT,
  );

  test(
    'any deck.yaml: the same, and the metadata that gets through is what the schema allows',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom('title', 'author', 'venue', 'lang', 'duration', 'x'),
          markdownText,
          (key, value) => {
            const fields: Record<string, string> = { title: '讲稿', author: '讲者', [key]: value };
            const yaml = Object.entries(fields)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n');
            const { meta, diagnostics } = check('any deck.yaml', load({ 'a.md': '# 一' }, yaml));
            expect(meta.lang).toMatch(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/);
            for (const text of [meta.title, meta.author, meta.venue ?? ''])
              expect(text).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
            // Without a problem reported, the required text is there (the defaults leave author empty).
            if (diagnostics.length === 0) expect([meta.title.trim(), meta.author.trim()]).not.toContain('');
            if (meta.duration !== undefined) expect(meta.duration).toBeGreaterThan(0);
          },
        ),
        options(),
      );
    },
    TIMEOUT,
  );

  test(
    'any edits of the talk’s own slides, with notes planted: notes never reach a slide',
    () => {
      fc.assert(
        fc.property(
          fc.nat({ max: talkFiles.length - 1 }),
          fc.array(edit, { minLength: 1, maxLength: 12 }),
          fc.nat(),
          notesMarker,
          (which, edits, at, marker) => {
            const markdown: Record<string, string> = {};
            for (const [i, { name, text }] of talkFiles.entries()) {
              if (i !== which) {
                markdown[name] = text;
                continue;
              }
              // The notes block goes in after the edits, at a line start, so it always begins a line.
              markdown[name] = applyEdits(applyEdits(text, edits), [
                { kind: 'insert', at, text: `${marker}\n${SECRET}` },
              ]);
            }
            const deck = check('edited talk', load(markdown, talkMeta));
            const planted = markdown[talkFiles[which]!.name]!;
            // A fence or comment may quote the marker: then it is code, not notes.
            const quoted = /```|~~~|<!--/.test(planted);
            for (const slide of deck.slides) {
              expect(showsOutsideCode(slide.html, SECRET), slide.html).toBe(false);
              const shown = slide.html.replace(PROBLEM_LIST, '');
              if (!quoted) expect(shown).not.toContain(SECRET);
            }
          },
        ),
        options(),
      );
    },
    TIMEOUT,
  );
});
