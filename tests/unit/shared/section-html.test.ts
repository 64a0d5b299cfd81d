import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import type { Slide } from '../../../src/shared/deck.js';
import { sectionAttributes, sectionHtml } from '../../../src/shared/section-html.js';
import { PRERENDER_OFF_CLASS } from '../../../src/shared/presentation.js';
import { prerenderGuard } from '../../../src/node/vite/prerender-plugin.js';

const slide = (over: Partial<Slide> = {}): Slide => ({
  index: 0,
  id: 'title',
  title: '大模型发展机会与挑战',
  level: 1,
  html: '<h1>大模型发展机会与挑战</h1>',
  notesHtml: '<p>开场</p>',
  notesText: '开场',
  steps: 0,
  attributes: { id: 'title', class: 'title', timing: 70 },
  source: { file: 'slides/00-title.md', line: 1 },
  ...over,
});

describe('sectionHtml', () => {
  test('writes the section reveal.js reads: front matter as attributes, the frame, the notes', () => {
    expect(sectionHtml(slide(), ['present'])).toBe(
      '<section id="title" class="title present" data-timing="70" data-index="0" data-source="slides/00-title.md:1" aria-label="大模型发展机会与挑战">' +
        '<div class="slide-frame"><h1>大模型发展机会与挑战</h1></div><aside class="notes"><p>开场</p></aside></section>',
    );
  });

  test('minutes become seconds, a broken slide says so, and no notes means no aside', () => {
    const html = sectionHtml(
      slide({ attributes: { minutes: 2, background: '#000' }, broken: true, notesHtml: '' }),
    );
    expect(html).toContain('data-timing="120"');
    expect(html).toContain('data-background-color="#000"');
    expect(html).toContain('class="broken"');
    expect(html).not.toContain('<aside');
  });

  test('a title or class with markup in it stays text', () => {
    const attributes = Object.fromEntries(
      sectionAttributes(slide({ title: '"a" <b>', attributes: { class: 'x' } }), ['present']),
    );
    expect(attributes).toMatchObject({ class: 'x present', 'aria-label': '"a" <b>' });
    expect(sectionHtml(slide({ title: '"a" <b>' }))).toContain('aria-label="&#34;a&#34; &#60;b&#62;"');
  });
});

describe('prerenderGuard', () => {
  /** Runs the guard against a page address; true when it hides the prerendered title. */
  const hides = (search: string, hash: string) => {
    const classes = new Set<string>();
    const document = { documentElement: { classList: { add: (name: string) => classes.add(name) } } };
    runInNewContext(prerenderGuard('title'), { location: { search, hash }, document });
    return classes.has(PRERENDER_OFF_CLASS);
  };

  test('the title shows at once on the deck itself, and on a link to the title', () => {
    for (const hash of ['', '#', '#/', '#/title', '#/title/1']) expect(hides('', hash), hash).toBe(false);
  });

  test('a deep link, the console, the phone and the print views wait for the script', () => {
    expect(hides('', '#/chatgpt')).toBe(true);
    expect(hides('', '#/titles')).toBe(true);
    for (const search of ['?presenter', '?phone&token=x', '?view=print', '?view=handout', '?print-pdf'])
      expect(hides(search, ''), search).toBe(true);
  });
});
