import { describe, expect, test } from 'vitest';
import { WIDTH } from '../../../src/node/diagram/layout.js';
import { box, sceneOf, sceneProblems } from './diagram-geometry.js';

const FOUR = `kind: layers
title: 四层
description: 示意图，无数据
layers:
  - text: 应用层
    items: [内容创意生成, 对话, 语言或风格互译, 搜索]
  - text: 中间层
  - text: 模型层
  - text: 数据层
`;

describe('layers layout', () => {
  test('layers of one width, top to bottom in the order written, none overlapping, the stack centred', () => {
    const scene = sceneOf(FOUR);
    expect(sceneProblems(scene)).toEqual([]);
    const layers = ['layer-1', 'layer-2', 'layer-3', 'layer-4'].map((id) => box(scene, id));
    expect(layers.map((l) => l.texts[0]!.text)).toEqual(['应用层', '中间层', '模型层', '数据层']);
    const { x, width } = layers[0]!.rect;
    expect(x).toBeCloseTo((WIDTH - width) / 2);
    for (const layer of layers) expect(layer.rect).toMatchObject({ x, width });
    // As wide as the chips need: narrower than the drawing.
    expect(width).toBeLessThan(WIDTH);
    for (let i = 1; i < layers.length; i++)
      expect(layers[i]!.rect.y).toBeGreaterThan(layers[i - 1]!.rect.y + layers[i - 1]!.rect.height);
  });

  test('items are chips inside their layer, in one row, right of the names', () => {
    const scene = sceneOf(FOUR);
    const chips = scene.boxes.filter((b) => b.parent === 'layer-1');
    expect(chips.map((c) => c.texts[0]!.text)).toEqual(['内容创意生成', '对话', '语言或风格互译', '搜索']);
    const nameEnd = Math.max(
      ...scene.boxes.filter((b) => !b.parent).map((b) => b.texts[0]!.x + b.texts[0]!.width),
    );
    for (const chip of chips) {
      expect(chip.rect.y).toBe(chips[0]!.rect.y);
      expect(chip.rect.x).toBeGreaterThan(nameEnd);
      expect(chip.shape).toBe('pill');
    }
  });

  test('too many chips for one row wrap onto another, and the layer grows', () => {
    const long = sceneOf(`kind: layers
title: t
description: d
layers:
  - text: 一层
    items: [一二三四五六七八九十, 一二三四五六七八九十, 一二三四五六七八九十, 一二三四五六七八九十]
  - text: 二层
`);
    expect(sceneProblems(long)).toEqual([]);
    const chips = long.boxes.filter((b) => b.parent === 'layer-1');
    expect(new Set(chips.map((c) => c.rect.y)).size).toBe(2);
    expect(box(long, 'layer-1').rect.height).toBeGreaterThan(box(long, 'layer-2').rect.height);
  });

  test("a note and chips stack in the layer; every layer's names line up", () => {
    const scene = sceneOf(`kind: layers
title: t
description: d
layers:
  - { text: 「新Linux」生态, note: 共建共享的开源开放生态, accent: true }
  - { text: FlagOpen, note: 大模型技术开源体系, items: [开源算法体系, 一站式基础软件平台] }
`);
    expect(sceneProblems(scene)).toEqual([]);
    const flag = box(scene, 'layer-2');
    const note = flag.texts.find((t) => t.text === '大模型技术开源体系')!;
    const chip = box(scene, 'layer-2-1');
    expect(chip.rect.y).toBeGreaterThan(note.y);
    expect(box(scene, 'layer-1').texts[0]!.x).toBe(flag.texts[0]!.x);
    expect(box(scene, 'layer-1').tone).toBe('accent');
  });
});
