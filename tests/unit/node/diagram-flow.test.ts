import { describe, expect, test } from 'vitest';
import { MAX_HEIGHT, WIDTH } from '../../../src/node/diagram/layout.js';
import { box, sceneOf, sceneProblems } from './diagram-geometry.js';

const HEAD = 'kind: flow\ntitle: 流程\ndescription: 示意图，无数据\n';

/** The knowledge slide's flow: three eras, the last forking to a front and a back. */
const FORK = `${HEAD}nodes:
  - { id: sql, text: 关系数据库, note: SQL, rows: 2 }
  - { id: search, text: 互联网信息检索, rows: 2, step: 1 }
  - { id: llm, text: 大模型, note: 以自然语言调用, rows: 2, accent: true, step: 2 }
  - { id: nui, text: AI-based NUI, note: 前台：以对话为主要入口, step: 3 }
  - { id: cloud, text: 调用大模型 API, note: 后台：云端管理调度计算资源, row: 2, col: 4, step: 3 }
links:
  - { from: sql, to: search }
  - { from: search, to: llm }
  - { from: llm, to: nui }
  - { from: llm, to: cloud }
`;

describe('flow layout', () => {
  test('a chain without links: one box after another, each joined to the next, straight across', () => {
    const scene = sceneOf(`${HEAD}nodes:\n  - text: 甲\n  - text: 乙\n  - text: 丙\n`);
    expect(sceneProblems(scene)).toEqual([]);
    expect(scene.boxes.map((b) => b.id)).toEqual(['甲', '乙', '丙']);
    expect(scene.arrows.map((a) => `${a.from}→${a.to}`)).toEqual(['甲→乙', '乙→丙']);
    const [a, b] = [box(scene, '甲').rect, box(scene, '乙').rect];
    expect(b.x).toBeGreaterThan(a.x + a.width);
    for (const arrow of scene.arrows) expect(arrow.start.y).toBe(arrow.end.y);
    expect(scene.width).toBe(WIDTH);
    // The row spans the drawing's width.
    expect(box(scene, '丙').rect.x + box(scene, '丙').rect.width).toBeCloseTo(WIDTH);
  });

  test("the talk's fork: clean, and both arrows leave the big box from one point", () => {
    const scene = sceneOf(FORK);
    expect(sceneProblems(scene)).toEqual([]);
    const forks = scene.arrows.filter((a) => a.from === 'llm');
    expect(forks).toHaveLength(2);
    expect(forks[0]!.start).toEqual(forks[1]!.start);
    const llm = box(scene, 'llm').rect;
    expect(forks[0]!.start.x).toBe(llm.x + llm.width);
    expect(forks[0]!.start.y).toBeCloseTo(llm.y + llm.height / 2);
  });

  test('a box over two rows is centred across them; boxes of one row share its height', () => {
    const scene = sceneOf(FORK);
    const [nui, cloud, sql] = [box(scene, 'nui').rect, box(scene, 'cloud').rect, box(scene, 'sql').rect];
    expect(sql.y + sql.height / 2).toBeCloseTo((nui.y + cloud.y + cloud.height) / 2);
    expect(box(scene, 'search').rect.height).toBe(sql.height);
    expect(scene.height).toBeCloseTo(cloud.y + cloud.height);
    expect(scene.height).toBeLessThanOrEqual(MAX_HEIGHT);
  });

  test('columns are as wide as their words need: no title wraps when the row has room', () => {
    const scene = sceneOf(FORK);
    expect(box(scene, 'search').texts.map((t) => t.text)).toEqual(['互联网信息检索']);
    expect(box(scene, 'nui').texts.map((t) => t.text)).toEqual(['AI-based NUI', '前台：以对话为主要入口']);
  });

  test('build steps: a link appears with the later of its two boxes', () => {
    const scene = sceneOf(FORK);
    expect(scene.arrows.map((a) => a.step)).toEqual([1, 2, 3, 3]);
  });

  test('one box above another: a straight arrow down, its label beside it and clear of both', () => {
    const scene = sceneOf(`${HEAD}nodes:
  - { id: a, text: 上面 }
  - { id: b, text: 下面, row: 2, col: 1 }
links:
  - { from: a, to: b, label: 向下 }
`);
    expect(sceneProblems(scene)).toEqual([]);
    const [arrow] = scene.arrows;
    expect(arrow!.start.x).toBe(arrow!.end.x);
    expect(arrow!.start.y).toBe(box(scene, 'a').rect.y + box(scene, 'a').rect.height);
    expect(arrow!.end.y).toBe(box(scene, 'b').rect.y);
    expect(arrow!.label.map((t) => t.text)).toEqual(['向下']);
  });

  test('a label on an arrow across widens the gap to hold it', () => {
    const plain = sceneOf(`${HEAD}nodes:\n  - text: 甲\n  - text: 乙\n`);
    const labelled = sceneOf(
      `${HEAD}nodes:\n  - text: 甲\n  - text: 乙\nlinks:\n  - { from: 甲, to: 乙, label: 一段很长的说明文字 }\n`,
    );
    expect(sceneProblems(labelled)).toEqual([]);
    const gap = (s: typeof plain) => box(s, '乙').rect.x - box(s, '甲').rect.x - box(s, '甲').rect.width;
    expect(gap(labelled)).toBeGreaterThan(gap(plain));
    expect(gap(labelled)).toBeGreaterThan(labelled.arrows[0]!.label[0]!.width);
  });

  test('an arrow backwards (right to left) still runs edge to edge', () => {
    const scene = sceneOf(`${HEAD}nodes:\n  - text: 甲\n  - text: 乙\nlinks:\n  - { from: 乙, to: 甲 }\n`);
    expect(sceneProblems(scene)).toEqual([]);
    expect(scene.arrows[0]!.end.x).toBe(box(scene, '甲').rect.x + box(scene, '甲').rect.width);
  });

  test('boxes on a diagonal are joined across, down the gap and across', () => {
    const scene = sceneOf(`${HEAD}nodes:\n  - text: 甲\n  - { text: 乙, row: 2, col: 2 }\n`);
    expect(sceneProblems(scene)).toEqual([]);
    expect(scene.arrows[0]!.d.match(/L/g)).toHaveLength(3);
  });
});
