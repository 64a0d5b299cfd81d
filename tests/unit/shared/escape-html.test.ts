import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../../src/shared/escape-html.js';

describe('escapeHtml', () => {
  test('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });

  test('leaves Chinese text alone', () => {
    expect(escapeHtml('大模型：机会与挑战')).toBe('大模型：机会与挑战');
  });
});
