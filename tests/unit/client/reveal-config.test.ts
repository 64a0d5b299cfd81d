import { describe, expect, test } from 'vitest';
import { backgroundTransition, revealConfig } from '../../../src/client/audience/reveal-config.js';
import type { Slide } from '../../../src/shared/deck.js';

const slide = (background?: string): Slide => ({
  index: 0,
  id: 'a',
  title: 'A',
  level: 2,
  html: '',
  notesHtml: '',
  notesText: '',
  steps: 0,
  attributes: background ? { background } : {},
  source: { file: 'a.md', line: 1 },
});

describe('the background fade', () => {
  test('runs only when a slide has a background to fade, and never under reduced motion', () => {
    expect(backgroundTransition(false, [slide(), slide()])).toBe('none');
    expect(backgroundTransition(false, [slide(), slide('#0f1a2e')])).toBe('fade');
    expect(backgroundTransition(true, [slide('#0f1a2e')])).toBe('none');
  });

  test('is what reveal.js is told', () => {
    expect(revealConfig(false, [slide()]).backgroundTransition).toBe('none');
    expect(revealConfig(false, [slide('red')]).backgroundTransition).toBe('fade');
  });
});
