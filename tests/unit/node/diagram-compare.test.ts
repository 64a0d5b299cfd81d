import { describe, expect, test } from 'vitest';
import { WIDTH } from '../../../src/node/diagram/layout.js';
import { box, sceneOf, sceneProblems } from './diagram-geometry.js';

const COMPARE = `kind: compare
title: t
description: 示意图，无数据
arrow: 范式转变
before:
  text: 「大炼模型」
  items: [既做 APP，又炼小模型, 重复造小模型，浪费人力]
after:
  text: 「炼大模型」
  items: [「大模型+微调」流水线, 边际成本趋零，生产力提升百倍甚至千倍]
  step: 1
`;

describe('compare layout', () => {
  test('before and after side by side, alike in size, with a broad arrow from one edge to the other', () => {
    const scene = sceneOf(COMPARE);
    expect(sceneProblems(scene)).toEqual([]);
    const [before, after] = [box(scene, 'before'), box(scene, 'after')];
    expect(before.rect.width).toBe(after.rect.width);
    expect(before.rect.height).toBe(after.rect.height);
    expect([before.tone, after.tone]).toEqual(['muted', 'accent']);
    const [arrow] = scene.arrows;
    expect(arrow!.broad).toBe(true);
    expect(arrow!.start.x).toBe(before.rect.x + before.rect.width);
    expect(arrow!.end.x).toBe(after.rect.x);
    expect(arrow!.step).toBe(1);
    expect(arrow!.label.map((t) => t.text)).toEqual(['范式转变']);
  });

  test('each list line has a bullet level with its first line', () => {
    const after = box(sceneOf(COMPARE), 'after');
    expect(after.bullets).toHaveLength(2);
    const second = after.texts.find((t) => t.text === '边际成本趋零，')!;
    const bullet = after.bullets[1]!;
    expect(bullet.y).toBeLessThan(second.y);
    expect(bullet.y + bullet.height).toBeGreaterThan(second.y - 24);
  });

  test('short panels are as wide as their words (at least 380 px), the pair centred', () => {
    const scene = sceneOf(`kind: compare
title: t
description: d
before: { text: 想让 AI 做的, items: [打扫卫生, 做饭] }
after: { text: AI 最先取代的, items: [作画, 设计游戏] }
`);
    expect(sceneProblems(scene)).toEqual([]);
    const [before, after] = [box(scene, 'before').rect, box(scene, 'after').rect];
    expect(before.width).toBe(380);
    expect(before.x).toBeCloseTo(WIDTH - (after.x + after.width));
  });
});
