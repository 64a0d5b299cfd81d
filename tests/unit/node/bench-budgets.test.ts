import { describe, expect, test } from 'vitest';
import {
  LARGE_BUDGET_SLIDES,
  largeFailures,
  ratio,
  talkFailures,
  versusFailures,
} from '../../../src/node/commands/bench-budgets.js';
import { medianPhases } from '../../../src/node/commands/bench-result.js';
import { parseTimings } from '../../../src/node/commands/bench-process.js';

describe('talkFailures', () => {
  test('passes at the limits, fails past them, and a figure not measured fails', () => {
    expect(talkFailures({ firstViewKiB: 250, firstViewRequests: 3, deckKiB: 800, keyMs: 16 })).toEqual([]);
    const failures = talkFailures({ firstViewKiB: 251, firstViewRequests: 4, deckKiB: 801 });
    expect(failures).toHaveLength(4);
    expect(failures[1]).toBe('first view 4 requests > 3');
    expect(failures[3]).toBe('key press: not measured');
  });
});

describe('versusFailures', () => {
  test('each figure against its ratio to Marp; PDF must be at most 0.7× Marp', () => {
    expect(versusFailures({ title: [100, 100], fcp: [50, 60], key: [8, 9], pdf: [700, 1000] })).toEqual([]);
    const failures = versusFailures({ title: [101, 100], pdf: [701, 1000] });
    expect(failures).toEqual([
      'title visible with fonts ready 101.0 ms vs Marp 100.0 ms = 1.01× > 1×',
      'slides PDF export, whole process 701.0 ms vs Marp 1000.0 ms = 0.70× > 0.7×',
    ]);
  });

  test('a Marp figure of zero cannot pass', () => {
    expect(ratio(5, 0)).toBeNaN();
    expect(versusFailures({ fcp: [5, 0] })).toHaveLength(1);
  });
});

describe('largeFailures', () => {
  test(`applies to the ${LARGE_BUDGET_SLIDES}-slide deck only`, () => {
    const slow = { keyMs: 17, overviewMs: 501, pdfMs: 20_001, buildMs: 5_001 };
    expect(largeFailures({ slides: 200, ...slow })).toEqual([]);
    expect(largeFailures({ slides: LARGE_BUDGET_SLIDES, ...slow })).toHaveLength(4);
    expect(
      largeFailures({
        slides: LARGE_BUDGET_SLIDES,
        keyMs: 16,
        overviewMs: 500,
        pdfMs: 20_000,
        buildMs: 5_000,
      }),
    ).toEqual([]);
  });
});

describe('export timings', () => {
  test('parseTimings reads the --timings lines; medianPhases takes each phase median', () => {
    const stderr = [
      'export: done in 2.7 s',
      'export timings (ms from process start, then duration):',
      '      0  +487   start-up: Node, TypeScript loader, modules',
      '    507  +422   Chromium launch',
    ].join('\n');
    const phases = parseTimings(stderr);
    expect(phases).toEqual({ 'start-up: Node, TypeScript loader, modules': 487, 'Chromium launch': 422 });
    expect(medianPhases([phases, { 'Chromium launch': 400 }, { 'Chromium launch': 500 }])).toEqual({
      'start-up: Node, TypeScript loader, modules': 487,
      'Chromium launch': 422,
    });
  });
});
