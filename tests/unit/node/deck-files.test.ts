import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  decodeText,
  fileSystemProblem,
  listMarkdownFiles,
  readTextFile,
} from '../../../src/node/markdown/deck-files.js';

const dir = mkdtempSync(join(tmpdir(), 'deck-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const read = (name: string, max = 1000) => readTextFile(path(name), max, 'a slide file');
/** 你好 in GBK: not UTF-8. */
const GBK = [0xc4, 0xe3, 0xba, 0xc3];

describe('decodeText', () => {
  test('UTF-8 text, with or without a byte-order mark, is read as it is', () => {
    expect(decodeText(Buffer.from('# 标题\n正文'))).toEqual({ text: '# 标题\n正文' });
    expect(decodeText(Buffer.from('\uFEFF# 标题'))).toEqual({ text: '# 标题' });
  });

  test('a GBK file is "not UTF-8", at the line of its first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('# 标题\r\n\n正文 �\n'), Buffer.from(GBK)]);
    expect(decodeText(bytes)).toEqual({
      problem: 'not UTF-8 text (save it as UTF-8)',
      code: 'encoding',
      line: 4,
    });
  });

  test('a lone CR counts as a line break, as the slide splitter counts it', () => {
    expect(decodeText(Buffer.concat([Buffer.from('a\rb\r'), Buffer.from(GBK)]))).toMatchObject({ line: 3 });
  });

  test('a binary file is refused once, at its first bad byte or NUL, not with a problem per character', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatchObject({
      code: 'encoding',
      line: 1,
    });
    expect(decodeText(Buffer.from('# 一\n\n\0\0\0'))).toEqual({
      problem: 'not text: it holds a NUL byte (is it a binary file named .md?)',
      code: 'encoding',
      line: 3,
    });
  });

  test('an invisible control character is named, at its line', () => {
    expect(decodeText(Buffer.from('# 一\n正文\u0007'))).toEqual({
      problem: 'invisible control character U+0007: delete it',
      code: 'encoding',
      line: 2,
    });
    expect(decodeText(Buffer.from('a\tb\r\nc'))).toEqual({ text: 'a\tb\r\nc' });
  });
});

describe('readTextFile', () => {
  test('reads a file', () => {
    writeFileSync(path('ok.md'), '# 一');
    expect(read('ok.md')).toEqual({ text: '# 一' });
  });

  test('a folder named like a slide file says to rename it', () => {
    mkdirSync(path('old.md'));
    expect(read('old.md')).toEqual({
      problem: 'is a folder, not a file (rename it so its name does not end in .md)',
      code: 'file',
      line: 1,
    });
  });

  test('a symbolic link loop and a link to nothing are named as such', () => {
    symlinkSync('loop.md', path('loop.md'));
    symlinkSync('nowhere.md', path('dangling.md'));
    expect(read('loop.md')).toMatchObject({
      problem: expect.stringContaining('symbolic link that leads back to itself'),
    });
    expect(read('dangling.md')).toMatchObject({
      problem: 'does not exist (or is a symbolic link to a file that does not)',
      missing: true,
    });
  });

  test('a file too big is refused before it is read', () => {
    writeFileSync(path('big.md'), 'x'.repeat(5000));
    expect(read('big.md')).toMatchObject({
      problem: expect.stringContaining('is 5 KB, more than the 1 KB a slide file may be'),
    });
  });

  test('a named pipe is refused instead of blocking the read forever', () => {
    execFileSync('mkfifo', [path('pipe.md')]);
    expect(read('pipe.md')).toMatchObject({ problem: 'is not a regular file (a device or a pipe?)' });
  });

  // As root (CI) chmod 000 does not stop a read, so the message is tested from the error itself.
  test('permission denied, whoever runs the test', () => {
    expect(fileSystemProblem(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBe(
      'cannot be read: permission denied (give yourself read access, e.g. chmod u+r)',
    );
    expect(fileSystemProblem(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('cannot be read (EIO)');
  });
});

describe('listMarkdownFiles', () => {
  test('lists the .md files by name, skipping editor files that start with a dot', () => {
    const folder = path('list');
    mkdirSync(folder);
    for (const name of ['b.md', 'a.md', '.#a.md', 'notes.txt']) writeFileSync(join(folder, name), '');
    expect(listMarkdownFiles(folder)).toEqual({ paths: [join(folder, 'a.md'), join(folder, 'b.md')] });
  });

  test('a missing slides folder, or a file in its place, says what to do', () => {
    expect(listMarkdownFiles(path('nope'))).toEqual({
      problem:
        'the slides folder does not exist: create it with the talk’s .md files and deck.yaml (or point DECK_SLIDES at the folder that has them)',
    });
    writeFileSync(path('file'), '');
    expect(listMarkdownFiles(path('file'))).toMatchObject({
      problem: expect.stringContaining('is a file, not a folder'),
    });
  });
});
