// The talk's own diagrams: each lays out cleanly, says what it is, and the talk's numbered
// sections mostly carry a picture (a diagram, the chart or the formula), not only bullets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderDiagram } from '../../../src/node/diagram/render-diagram.js';
import { loadDeck } from '../../../src/node/markdown/load-deck.js';
import { ROOT } from '../../fixtures/decks.js';
import { TALK_TITLES } from '../../fixtures/talk-outline.js';
import { sceneProblems } from './diagram-geometry.js';

const SLIDES = join(ROOT, 'slides');
const blocks = readdirSync(SLIDES)
  .filter((name) => name.endsWith('.md'))
  .flatMap((name) =>
    [...readFileSync(join(SLIDES, name), 'utf8').matchAll(/^```diagram\n([\s\S]*?)^```$/gm)].map((m) => ({
      name: `${name}: ${/^title: (.*)$/m.exec(m[1]!)?.[1] ?? '?'}`,
      source: m[1]!,
    })),
  );
const { deck } = loadDeck(SLIDES, ROOT);
/** The slides of the talk's numbered sections (01.1 … 03.4): level-2 headings, closing excepted. */
const SECTIONS = deck.slides.filter((s) => s.level === 2 && s.title !== TALK_TITLES.at(-1));

describe("the talk's diagrams", () => {
  test('there are some', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
  });

  test.each(blocks)('$name lays out cleanly', ({ source }) => {
    const result = renderDiagram(source);
    expect(result.problems).toEqual([]);
    expect(sceneProblems(result.scene!)).toEqual([]);
  });

  test.each(blocks)('$name says it is a schematic, with no data', ({ source }) => {
    expect(source).toMatch(/^description: 示意图，无数据/m);
  });

  test('at least 8 of the 11 numbered sections show a picture of their idea', () => {
    expect(SECTIONS).toHaveLength(11);
    const pictured = SECTIONS.filter((s) => /class="(diagram-svg|chart-svg|katex-display)"/.test(s.html));
    expect(pictured.length).toBeGreaterThanOrEqual(8);
  });

  test('no slide of the talk has a problem', () => {
    expect(deck.diagnostics).toEqual([]);
  });
});
