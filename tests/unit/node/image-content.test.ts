import { describe, expect, test } from 'vitest';
import { imageContentProblem } from '../../../src/node/markdown/image-content.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest of the file');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const AVIF = bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'mif1miaf');
const AVIF_COMPATIBLE = bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'avifmiaf');
const svgText = (inside: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${inside}</svg>`;
const svg = (inside: string, attributes = '') => bytes(svgText(inside, attributes));

describe('imageContentProblem: raster formats by their magic bytes', () => {
  test.each([
    ['PNG', PNG],
    ['JPEG', JPEG],
    ['GIF', GIF],
    ['WebP', WEBP],
    ['AVIF', AVIF],
    ['AVIF', AVIF_COMPATIBLE],
  ] as const)('a real %s passes', (format, content) => {
    expect(imageContentProblem(format, content)).toBeNull();
  });

  test('a file in another format says which, and what to rename it to', () => {
    expect(imageContentProblem('PNG', JPEG)).toBe(
      'is not a PNG file: its content is JPEG (rename it to .jpg)',
    );
    expect(imageContentProblem('JPEG', svg(''))).toBe(
      'is not a JPEG file: its content is SVG (rename it to .svg)',
    );
  });

  test('text or a script named .png is not a picture, and the message does not quote it', () => {
    for (const content of [
      bytes('root:x:0:0:root:/root:/bin/bash\n'),
      bytes("alert('evil')"),
      new Uint8Array(),
    ]) {
      const problem = imageContentProblem('PNG', content)!;
      expect(problem).toBe('is not a PNG file: its content is not a picture');
    }
  });
});

describe('imageContentProblem: SVG', () => {
  test('artwork with shapes, gradients, a title and self-closing tags passes', () => {
    const art = svg(
      '<title>插图</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>' +
        '<g><rect width="4" height="4" fill="url(#g)"/><a href="#x"><circle r="2"/></a></g>',
    );
    expect(imageContentProblem('SVG', art)).toBeNull();
    expect(imageContentProblem('SVG', bytes('<?xml version="1.0"?>\n<!-- c -->\n', svgText('')))).toBeNull();
  });

  test.each([
    ['a script element', svg('<script>alert(1)</script>'), 'a <script> element'],
    [
      'a namespaced XHTML script',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script>'),
      'a <script> element',
    ],
    ['an onload handler', svg('', ' onload="alert(1)"'), 'an on…= event handler'],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), 'a javascript: URL'],
    [
      'a javascript: link behind entities',
      svg('<a xlink:href="jav&#x09;ascript&#58;alert(1)"><rect/></a>'),
      'a javascript: URL',
    ],
    [
      'an animation that sets a javascript: href',
      svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'),
      'a javascript: URL',
    ],
    [
      'an animation of an event handler',
      svg('<set attributeName="onclick" to="alert(1)"/>'),
      'an animated event handler',
    ],
    ['a foreignObject', svg('<foreignObject><div>x</div></foreignObject>'), 'a <foreignObject> element'],
  ])('%s is refused', (_, content, what) => {
    expect(imageContentProblem('SVG', content)).toBe(`is refused: SVG artwork may not contain ${what}`);
  });

  test('an entity declaration is refused before anything expands it', () => {
    const laughs = bytes('<!DOCTYPE svg [<!ENTITY a "<script>x</script>">]>', svgText('&a;'));
    expect(imageContentProblem('SVG', laughs)).toBe(
      'is refused: an SVG file may not declare entities (<!ENTITY …>)',
    );
  });

  test.each([
    ['not XML', bytes('just text'), 'is not an SVG file: it does not start with an XML tag'],
    [
      'HTML',
      bytes('<html><body>x</body></html>'),
      'is not an SVG file: it is not well-formed XML with one <svg> root element',
    ],
    [
      'two roots',
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/><svg xmlns="http://www.w3.org/2000/svg"/>'),
      'one <svg> root',
    ],
    ['a tag left open', bytes('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'), 'well-formed XML'],
    ['text after the root', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>junk'), 'well-formed XML'],
    ['not UTF-8', bytes('<svg>', [0xff, 0xfe], '</svg>'), 'is not an SVG file: it is not UTF-8 text'],
    ['a PNG named .svg', PNG, 'is not an SVG file: its content is PNG (rename it to .png)'],
  ])('%s is not an SVG file', (_, content, message) => {
    expect(imageContentProblem('SVG', content)).toContain(message);
  });

  test('an <svg> without the SVG namespace shows nothing in a browser: refused with the fix', () => {
    expect(imageContentProblem('SVG', bytes('<svg viewBox="0 0 1 1"/>'))).toBe(
      'is not a usable SVG file: its <svg> element needs xmlns="http://www.w3.org/2000/svg" (browsers show nothing without it)',
    );
  });
});
