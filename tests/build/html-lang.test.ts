// The page's language comes from deck.yaml, written into <html lang> at build time. The talk and
// index.html both say zh-CN, so only a deck in another language shows that the value is written.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { deckFolder } from '../fixtures/decks.js';
import { BUILD_TIMEOUT, viteBuild } from './vite-build.js';

test(
  'the built page has the lang of deck.yaml (en-GB in the english fixture), not the template’s zh-CN',
  async () => {
    const { code, output, dist } = await viteBuild(deckFolder('english'));
    try {
      expect(code, output).toBe(0);
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      expect(html.match(/<html[^>]*>/g)).toEqual([expect.stringMatching(/^<html lang="en-GB"[\s>]/)]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  },
  BUILD_TIMEOUT,
);
