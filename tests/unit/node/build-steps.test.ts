import { describe, expect, test } from 'vitest';
import { countBuildSteps } from '../../../src/node/markdown/build-steps.js';

describe('countBuildSteps', () => {
  test('counts fragments as reveal.js does: one step per fragment without an index', () => {
    expect(countBuildSteps('<ul><li class="fragment">a</li><li class="fragment">b</li></ul>')).toBe(2);
    expect(countBuildSteps('<p>no build</p>')).toBe(0);
  });

  test('fragments sharing a data-fragment-index are one step, wherever they are', () => {
    const html =
      '<svg><g class="fragment" data-fragment-index="1"></g><g class="fragment" data-fragment-index="3"></g></svg>' +
      '<svg><g class="fragment" data-fragment-index="1"></g></svg>';
    expect(countBuildSteps(html)).toBe(2);
  });

  test('indexed and unindexed fragments add up; `fragment` must be a whole class name', () => {
    const html =
      '<g class="fragment" data-fragment-index="2"></g><li class="x fragment">a</li><p class="fragmentary">no</p>';
    expect(countBuildSteps(html)).toBe(2);
  });
});
