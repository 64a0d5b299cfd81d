import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findImageFile } from '../../../src/node/markdown/image-file.js';
import { MAX_IMAGE_BYTES } from '../../../src/node/markdown/limits.js';

// A project folder inside a temporary folder: `outside/` is next to it, out of bounds.
const base = realpathSync(mkdtempSync(join(tmpdir(), 'deck-images-')));
const root = join(base, 'project');
const slides = join(root, 'slides');
const markdown = join(slides, 'a.md');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
const SECRET = 'root:x:0:0:the-first-line';
mkdirSync(join(root, 'assets', 'folder.png'), { recursive: true });
mkdirSync(slides);
mkdirSync(join(base, 'outside'));
writeFileSync(join(root, 'assets', 'ok.svg'), SVG);
writeFileSync(join(slides, 'evil.js'), "alert('evil')");
writeFileSync(join(slides, 'fake.png'), SECRET);
writeFileSync(join(slides, 'photo.tif'), Buffer.from([0x49, 0x49, 0x2a, 0, 0xff, 0xfe, 0x01]));
writeFileSync(join(slides, 'script.svg'), SVG.replace('/>', '><script>alert(1)</script></svg>'));
writeFileSync(join(slides, 'a b.svg'), SVG);
writeFileSync(join(slides, 'huge.png'), Buffer.alloc(MAX_IMAGE_BYTES + 1));
writeFileSync(join(base, 'outside', 'secret.svg'), SVG);
symlinkSync(join(base, 'outside', 'secret.svg'), join(slides, 'link.svg'));
symlinkSync(join(root, 'assets', 'ok.svg'), join(slides, 'inside-link.svg'));
symlinkSync('loop.svg', join(slides, 'loop.svg'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const find = (href: string) => findImageFile(href, markdown, root, root);

describe('findImageFile', () => {
  test('a picture inside the project, also through a link that stays inside, is found', () => {
    expect(find('../assets/ok.svg')).toEqual({ path: join(root, 'assets', 'ok.svg') });
    expect(find('a%20b.svg')).toEqual({ path: join(slides, 'a b.svg') });
    expect(find('inside-link.svg')).toEqual({ path: join(slides, 'inside-link.svg') });
  });

  test.each([
    [
      'evil.js',
      'image evil.js is not a picture: a slide shows only .svg, .png, .jpg, .jpeg, .gif, .webp, .avif files',
    ],
    ['photo.tif', 'image photo.tif is not a picture'],
    ['../../../../../../../etc/passwd', 'is outside the project folder: copy it into the project'],
    ['../../outside/secret.svg', 'is outside the project folder'],
    ['link.svg', 'image link.svg is a symbolic link to a file outside the project'],
    ['loop.svg', 'image loop.svg is a symbolic link that leads back to itself'],
    ['fake.png', 'image fake.png is not a PNG file: its content is not a picture'],
    ['script.svg', 'image script.svg is refused: SVG artwork may not contain a <script> element'],
    ['huge.png', 'image huge.png is 5.0 MB, over the limit of 5.0 MB: make it smaller'],
    ['../assets/folder.png', 'is a folder or a device, not a picture file'],
    ['missing.svg', 'image not found: missing.svg'],
    ['https://example.com/a.png', 'is a URL: the deck works offline'],
    ['data:image/svg+xml,<svg/>', 'is a URL'],
    ['/etc/hostname.png', 'is an absolute path: write it relative to the Markdown file'],
    ['ok.svg?raw', 'has a ? or # in its path'],
    ['ok.svg#frag', 'has a ? or # in its path'],
  ])('%s is refused: %s', (href, message) => {
    const found = find(href);
    expect(found).toEqual({ problem: expect.stringContaining(message) });
    // Never a word of what the file holds.
    expect(JSON.stringify(found)).not.toMatch(/root:x|alert/);
  });

  test('a long href is cut short in the message', () => {
    const found = find(`${'x'.repeat(300)}.js`) as { problem: string };
    expect(found.problem.length).toBeLessThan(200);
  });
});
