import { describe, expect, test } from 'vitest';
import { renderChart } from '../../../src/node/markdown/render-chart.js';

const SPEC = `
title: 真金白银的门槛（美元，对数刻度）
bars:
  - label: 标注一条数据
    value: 50
    text: 50美金
  - label: 单次训练
    value: 10000000
    text: 超过千万美金
    open: true
  - label: 累计投资
    value: 13000000000
    text: 130亿
`;

/** Every `<rect class="chart-bar">` width, in order. */
const barWidths = (html: string) =>
  [...html.matchAll(/<rect class="chart-bar" [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
/** The text of every element with this class, in order. */
const texts = (html: string, className: string) =>
  [...html.matchAll(new RegExp(`class="${className}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);

describe('renderChart', () => {
  test('draws an SVG figure with one chart-bar per bar', () => {
    const { html, error } = renderChart(SPEC);
    expect(error).toBeNull();
    expect(html).toMatch(/^<figure class="chart"><svg class="chart-svg" viewBox="0 0 1100 \d+" role="img"/);
    expect(html).toMatch(
      /<\/svg><figcaption class="chart-title">真金白银的门槛（美元，对数刻度）<\/figcaption><\/figure>$/,
    );
    expect(html.match(/class="chart-bar"/g)).toHaveLength(3);
    expect(html.match(/class="chart-row"/g)).toHaveLength(3);
  });

  test('prints the labels and the text values verbatim, in order', () => {
    const { html } = renderChart(SPEC);
    expect(texts(html, 'chart-label')).toEqual(['标注一条数据', '单次训练', '累计投资']);
    expect(texts(html, 'chart-value')).toEqual(['50美金', '超过千万美金', '130亿']);
  });

  test('describes the whole chart in its aria-label for screen readers', () => {
    const { html } = renderChart(SPEC);
    expect(html).toContain(
      'aria-label="真金白银的门槛（美元，对数刻度）。标注一条数据：50美金；单次训练：超过千万美金；累计投资：130亿"',
    );
  });

  test('bar lengths follow the logarithm of the value', () => {
    const widths = barWidths(renderChart(SPEC).html);
    expect(widths).toHaveLength(3);
    expect(widths[0]!).toBeLessThan(widths[1]!);
    expect(widths[1]!).toBeLessThan(widths[2]!);
    // On a log scale 10 → 100 → 10000 is 1 : 2 : 4.
    const [ten, hundred, tenThousand] = barWidths(
      renderChart(
        'title: t\nbars:\n  - {label: a, value: 10, text: a}\n  - {label: b, value: 100, text: b}\n  - {label: c, value: 10000, text: c}',
      ).html,
    );
    expect(hundred! / ten!).toBeCloseTo(2);
    expect(tenThousand! / ten!).toBeCloseTo(4);
  });

  test('a value of 1 still shows a sliver of a bar', () => {
    expect(barWidths(renderChart('title: t\nbars:\n  - {label: a, value: 1, text: 一}').html)).toEqual([4]);
  });

  test('an open bar ("at least") gets an open end; a closed one does not', () => {
    const { html } = renderChart(SPEC);
    const rows = html.split('<g class="chart-row">').slice(1);
    expect(rows.map((row) => row.includes('class="chart-open"'))).toEqual([false, true, false]);
  });

  test('the axis is labelled in Chinese units up to the next even power of ten', () => {
    const { html } = renderChart(SPEC);
    expect(texts(html, 'chart-tick')).toEqual(['1', '100', '1万', '100万', '1亿', '100亿', '1万亿']);
  });

  test('text in labels and values is escaped', () => {
    const { html } = renderChart('title: "a < b"\nbars:\n  - {label: "<i>x</i>", value: 2, text: "&"}');
    expect(html).not.toContain('<i>');
    expect(texts(html, 'chart-label')).toEqual(['&#60;i&#62;x&#60;/i&#62;']);
    expect(texts(html, 'chart-value')).toEqual(['&#38;']);
  });

  test.each([
    ['plain text', '一张图', 'a chart needs `title` and `bars`'],
    ['a list', '- 1\n- 2', '`title` must be text'],
    ['no title', 'bars:\n  - {label: a, value: 2, text: a}', '`title` must be text'],
    ['no bars', 'title: t', '`bars` must be a list of { label, value, text }'],
    ['empty bars', 'title: t\nbars: []', '`bars` must be a list'],
    [
      'a bar without text',
      'title: t\nbars:\n  - {label: a, value: 2}',
      'bar 1: `label` and `text` must be text',
    ],
    [
      'a value below 1',
      'title: t\nbars:\n  - {label: a, value: 2, text: a}\n  - {label: b, value: 0, text: b}',
      'bar 2: `value` must be a number of at least 1',
    ],
    [
      'a value in words',
      'title: t\nbars:\n  - {label: a, value: 一千, text: a}',
      'bar 1: `value` must be a number',
    ],
    [
      'an infinite value',
      'title: t\nbars:\n  - {label: a, value: .inf, text: a}',
      'bar 1: `value` must be a number',
    ],
    ['broken YAML', 'title: t\nbars: [', ''],
  ])('a bad spec (%s) gives an error and a visible error box, not a chart', (_, source, message) => {
    const result = renderChart(source);
    expect(result.error).toEqual(expect.stringContaining(message));
    expect(result.html).toMatch(/^<div class="deck-error" role="alert">chart: /);
    expect(result.html).not.toContain('<svg');
  });
});
