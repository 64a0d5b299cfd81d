import { describe, expect, test } from 'vitest';
import { WIDTH } from '../../../src/node/diagram/layout.js';
import { box, sceneOf, sceneProblems } from './diagram-geometry.js';

const STAGES = `kind: stages
title: t
description: 示意图，无数据
stages:
  - { text: 模型足够大、语料足够多 }
  - { text: 「涌现」, note: 无中生有的原创能力, step: 1 }
  - { text: GPT-3.5, note: ChatGPT 第一版的底座, step: 2 }
  - { text: GPT-4, note: 升级之后，能力仍在攀升, step: 3, accent: true }
`;

describe('stages layout', () => {
  test('chevrons left to right across the width, the first flat-backed, notes under their stage', () => {
    const scene = sceneOf(STAGES);
    expect(sceneProblems(scene)).toEqual([]);
    const chevrons = scene.boxes.filter((b) => b.shape.startsWith('chevron'));
    expect(chevrons.map((c) => c.shape)).toEqual(['chevron-first', 'chevron', 'chevron', 'chevron']);
    for (let i = 1; i < chevrons.length; i++)
      expect(chevrons[i]!.rect.x).toBeGreaterThan(chevrons[i - 1]!.rect.x + chevrons[i - 1]!.rect.width);
    const last = chevrons.at(-1)!.rect;
    expect(last.x + last.width).toBeCloseTo(WIDTH);
    const note = box(scene, 'stage-2-note');
    expect(note.rect.y).toBeGreaterThan(box(scene, 'stage-2').rect.y + box(scene, 'stage-2').rect.height);
    expect(note.step).toBe(1);
  });

  test('all on one line; rising: each stage a step higher than the one before', () => {
    const flat = sceneOf(STAGES).boxes.filter((b) => b.shape.startsWith('chevron'));
    expect(new Set(flat.map((c) => c.rect.y)).size).toBe(1);
    const rising = sceneOf(STAGES.replace('stages:\n', 'rising: true\nstages:\n'));
    expect(sceneProblems(rising)).toEqual([]);
    const tops = rising.boxes.filter((b) => b.shape.startsWith('chevron')).map((c) => c.rect.y);
    for (let i = 1; i < tops.length; i++) expect(tops[i]!).toBeLessThan(tops[i - 1]!);
    expect(tops.at(-1)).toBe(0);
  });

  test('a long stage name wraps inside the chevron, clear of its point and notch', () => {
    const scene = sceneOf(STAGES);
    expect(box(scene, 'stage-1').texts.map((t) => t.text)).toEqual(['模型足够大、', '语料足够多']);
  });
});
