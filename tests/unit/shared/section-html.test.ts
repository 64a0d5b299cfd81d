import { describe, expect, test } from 'vitest';
import type { Slide } from '../../../src/shared/deck.js';
import { sectionAttributes, sectionHtml } from '../../../src/shared/section-html.js';

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
