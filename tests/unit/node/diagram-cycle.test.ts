import { describe, expect, test } from 'vitest';
import { box, sceneOf, sceneProblems } from './diagram-geometry.js';

const WHEELS = `kind: cycle
title: 双轮驱动
description: 示意图，无数据
center: 双轮驱动，赢家通吃
nodes:
  - text: 数据
    note: 海量语料、海量会话、海量用户
    label: 训练：标注者微调、奖励模型
  - text: 模型
    note: 深度神经网络
    label: 上线：海量用户的会话反馈
`;

describe('cycle layout', () => {
  test('two boxes: side by side, one arc over the top and one back underneath, labels outside the arcs', () => {
    const scene = sceneOf(WHEELS);
    expect(sceneProblems(scene)).toEqual([]);
    const [data, model] = [box(scene, 'node-1').rect, box(scene, 'node-2').rect];
    expect(data.y).toBe(model.y);
    expect(model.x).toBeGreaterThan(data.x + data.width);
    const [over, under] = scene.arrows;
    expect([over!.from, over!.to, under!.from, under!.to]).toEqual(['node-1', 'node-2', 'node-2', 'node-1']);
    // Over the top: leaves and arrives through the boxes' top edges; back underneath through their bottoms.
    expect(over!.start.y).toBeCloseTo(data.y);
    expect(over!.end.y).toBeCloseTo(model.y);
    expect(under!.start.y).toBeCloseTo(model.y + model.height);
    expect(under!.end.y).toBeCloseTo(data.y + data.height);
    expect(over!.label[0]!.y).toBeLessThan(data.y);
    expect(under!.label[0]!.y).toBeGreaterThan(data.y + data.height);
  });

  test('the words in the middle sit between the two boxes', () => {
    const scene = sceneOf(WHEELS);
    const [centre] = scene.captions[0]!.texts;
    expect(centre!.text).toBe('双轮驱动，赢家通吃');
    expect(centre!.x).toBeCloseTo(scene.width / 2);
    expect(centre!.role).toBe('center');
  });

  test.each([3, 4, 5, 6])('%i boxes round the ellipse: clean, each joined to the next', (n) => {
    const nodes = Array.from({ length: n }, (_, i) => `  - text: 第${i + 1}步\n    label: 然后`).join('\n');
    const scene = sceneOf(`kind: cycle\ntitle: t\ndescription: d\ncenter: 循环\nnodes:\n${nodes}\n`);
    expect(sceneProblems(scene)).toEqual([]);
    expect(scene.arrows.map((a) => [a.from, a.to])).toEqual(
      Array.from({ length: n }, (_, i) => [`node-${i + 1}`, `node-${((i + 1) % n) + 1}`]),
    );
    // The first box is at the top, in the middle.
    const first = box(scene, 'node-1').rect;
    expect(first.y).toBe(0);
    expect(first.x + first.width / 2).toBeCloseTo(scene.width / 2);
  });

  test('an arc shows with the later of the boxes it joins, the middle with the last box', () => {
    const scene = sceneOf(
      `kind: cycle\ntitle: t\ndescription: d\nnodes:\n  - text: 甲\n  - text: 乙\n    step: 1\n  - text: 丙\n    step: 2\n`,
    );
    expect(scene.arrows.map((a) => a.step)).toEqual([1, 2, 2]);
    expect(sceneOf(`${WHEELS}    step: 1\n`).captions[0]!.step).toBe(1);
  });
});
