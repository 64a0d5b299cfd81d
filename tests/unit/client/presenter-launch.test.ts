import { describe, expect, test } from 'vitest';
import { audienceUrl, presenterUrl } from '../../../src/client/audience/presenter-launch.js';

describe('console address', () => {
  test('adds ?presenter and drops the slide hash; the audience address is the reverse', () => {
    expect(presenterUrl('http://127.0.0.1:4173/#/chatgpt/2')).toBe('http://127.0.0.1:4173/?presenter');
    expect(presenterUrl('file:///talk/index.html?lang=zh')).toBe('file:///talk/index.html?lang=zh&presenter');
    expect(audienceUrl('http://127.0.0.1:4173/?presenter')).toBe('http://127.0.0.1:4173/');
  });
});
