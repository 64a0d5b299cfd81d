import { describe, expect, test } from 'vitest';
import {
  parseCsv,
  parseRecording,
  planSecondsFromReport,
  recordMove,
  recordedSeconds,
  rehearsalReport,
  reportToCsv,
  startRecording,
} from '../../../src/client/presenter/rehearsal.js';

const SLIDES = [
  { id: 'title', title: '大模型发展机会与挑战' },
  { id: 'chatgpt', title: '01 ChatGPT：奇点到来' },
  { id: 'quote', title: 'Say "hello", world' },
];

describe('recording', () => {
  test('gives each slide the talk time spent on it, visits added up', () => {
    let r = startRecording(3, 0, 0);
    r = recordMove(r, 1, 70);
    r = recordMove(r, 0, 100);
    r = recordMove(r, 1, 110);
    expect(recordedSeconds(r, 150)).toEqual([80, 70, 0]);
  });

  test('a move to the same slide records nothing', () => {
    const r = startRecording(3, 1, 10);
    expect(recordMove(r, 1, 50)).toBe(r);
  });

  test('parseRecording checks what comes back from storage', () => {
    const r = recordMove(startRecording(3, 0, 0), 2, 12);
    expect(parseRecording(JSON.parse(JSON.stringify(r)), 3)).toEqual(r);
    expect(parseRecording(r, 4)).toBeNull();
    expect(parseRecording({ ...r, seconds: [1, -1, 0] }, 3)).toBeNull();
  });
});

describe('report', () => {
  const report = rehearsalReport(
    '大模型发展机会与挑战',
    SLIDES,
    [70.4, 45.6, 12],
    new Date('2026-05-01T10:00:00Z'),
  );

  test('lists every slide with whole seconds and the total', () => {
    expect(report).toEqual({
      format: 'deck-rehearsal',
      version: 1,
      deck: '大模型发展机会与挑战',
      recordedAt: '2026-05-01T10:00:00.000Z',
      totalSeconds: 128,
      slides: [
        { index: 0, id: 'title', title: '大模型发展机会与挑战', seconds: 70 },
        { index: 1, id: 'chatgpt', title: '01 ChatGPT：奇点到来', seconds: 46 },
        { index: 2, id: 'quote', title: 'Say "hello", world', seconds: 12 },
      ],
    });
  });

  test('CSV has a header, quotes fields with commas or quotes, and reads back the same', () => {
    const csv = reportToCsv(report);
    expect(csv.startsWith('\uFEFFindex,id,title,seconds\r\n')).toBe(true);
    expect(csv).toContain('2,quote,"Say ""hello"", world",12\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['index', 'id', 'title', 'seconds'],
      ['0', 'title', '大模型发展机会与挑战', '70'],
      ['1', 'chatgpt', '01 ChatGPT：奇点到来', '46'],
      ['2', 'quote', 'Say "hello", world', '12'],
    ]);
  });

  test('both the JSON and the CSV load back as a pacing plan', () => {
    expect(planSecondsFromReport(JSON.stringify(report), SLIDES)).toEqual([70, 46, 12]);
    expect(planSecondsFromReport(reportToCsv(report), SLIDES)).toEqual([70, 46, 12]);
  });

  test('plans match slides by id, so a reordered deck keeps its times; unknown slides get null', () => {
    const reordered = [SLIDES[1]!, { id: 'new', title: 'New' }, SLIDES[0]!];
    expect(planSecondsFromReport(JSON.stringify(report), reordered)).toEqual([46, null, 70]);
  });

  test('anything else is not a plan', () => {
    expect(planSecondsFromReport('', SLIDES)).toBeNull();
    expect(planSecondsFromReport('{"slides": "many"}', SLIDES)).toBeNull();
    expect(planSecondsFromReport('{"slides": [{"id": "title", "seconds": -3}]}', SLIDES)).toBeNull();
    expect(planSecondsFromReport('name,age\nAda,36\n', SLIDES)).toBeNull();
    expect(planSecondsFromReport('{"slides": [{"id": "elsewhere", "seconds": 30}]}', SLIDES)).toBeNull();
  });
});
