// Whether a file's bytes are the picture its name says: raster formats by their magic bytes, SVG
// by parsing it as XML with an <svg> root and refusing anything in it that could run code. Pure:
// bytes in, a problem out. Messages never quote the file, only what kind of thing is wrong.
import { Parser } from 'htmlparser2';

/** The picture formats a slide may show, by file extension (lower case, without the dot). */
export const IMAGE_FORMATS: Record<string, ImageFormat> = {
  svg: 'SVG',
  png: 'PNG',
  jpg: 'JPEG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  avif: 'AVIF',
};

export type ImageFormat = 'SVG' | 'PNG' | 'JPEG' | 'GIF' | 'WebP' | 'AVIF';

/** The extension each format is usually saved with, for a "rename it" hint. */
const USUAL_EXTENSION: Record<ImageFormat, string> = {
  SVG: 'svg',
  PNG: 'png',
  JPEG: 'jpg',
  GIF: 'gif',
  WebP: 'webp',
  AVIF: 'avif',
};

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/** Elements that run script or embed a page (compared by local name, any namespace prefix, any case). */
const REFUSED_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'handler',
  'listener',
]);
/** Browsers drop white space and control characters inside a URL scheme. */
const SCRIPT_URL = /(java|vb)script:/i;
const URL_NOISE = /[\s\p{Cc}]+/gu;
/** An internal DTD can declare entities that expand to markup (or to a billion laughs). */
const ENTITY_DECLARATION = /<!ENTITY/i;
const XML_START = /^\uFEFF?\s*</;

/** Why `bytes` are not a safe picture of `format`, or null when they are one. */
export function imageContentProblem(format: ImageFormat, bytes: Uint8Array): string | null {
  if (format === 'SVG') return svgProblem(bytes);
  const found = rasterFormat(bytes);
  if (found === format) return null;
  const actual = found ?? (XML_START.test(new TextDecoder().decode(bytes.subarray(0, 64))) ? 'SVG' : null);
  return actual
    ? `is not a ${format} file: its content is ${actual} (rename it to .${USUAL_EXTENSION[actual]})`
    : `is not a ${format} file: its content is not a picture`;
}

/** The raster format the magic bytes at the start of `bytes` announce. */
function rasterFormat(bytes: Uint8Array): ImageFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'GIF';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  // ISO base media file: an `ftyp` box whose major or compatible brands include avif (still) or avis (sequence).
  if (ascii(4, 8) === 'ftyp') {
    const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
    for (let at = 8; at + 4 <= boxEnd; at += at === 8 ? 8 : 4)
      if (['avif', 'avis'].includes(ascii(at, at + 4))) return 'AVIF';
  }
  return null;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Why an SVG file cannot be shown safely: not UTF-8, not XML with one <svg> root, or script in it. */
function svgProblem(bytes: Uint8Array): string | null {
  const raster = rasterFormat(bytes);
  if (raster)
    return `is not an SVG file: its content is ${raster} (rename it to .${USUAL_EXTENSION[raster]})`;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not an SVG file: it is not UTF-8 text';
  }
  if (!XML_START.test(text)) return 'is not an SVG file: it does not start with an XML tag';
  if (ENTITY_DECLARATION.test(text)) return 'is refused: an SVG file may not declare entities (<!ENTITY …>)';
  const found = new Set<string>();
  let depth = 0;
  let roots = 0;
  let root = '';
  let namespace: string | undefined;
  let wellFormed = true;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (depth === 0) {
          roots++;
          root = name;
          namespace = attributes.xmlns;
        }
        depth++;
        const local = localName(name);
        if (REFUSED_ELEMENTS.has(local))
          found.add(`a <${local === 'foreignobject' ? 'foreignObject' : local}> element`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (localName(attribute).startsWith('on')) found.add('an on…= event handler');
          if (attribute === 'attributeName' && /^on/i.test(value)) found.add('an animated event handler');
          if (SCRIPT_URL.test(value.replace(URL_NOISE, ''))) found.add('a javascript: URL');
        }
      },
      onclosetag(name, isImplied) {
        depth--;
        // The parser closes a self-closing tag (`<rect/>`) itself, and also a tag the file left
        // open or closed out of order: tell them apart by the source of the tag it is at.
        const tag = text.slice(parser.startIndex, parser.endIndex + 1);
        if (isImplied && !(tag.startsWith(`<${name}`) && tag.endsWith('/>'))) wellFormed = false;
      },
      ontext(run) {
        if (depth === 0 && run.trim()) wellFormed = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  if (!wellFormed || roots !== 1 || root !== 'svg')
    return 'is not an SVG file: it is not well-formed XML with one <svg> root element';
  if (found.size > 0) return `is refused: SVG artwork may not contain ${[...found].join(', ')}`;
  if (namespace !== SVG_NAMESPACE)
    return `is not a usable SVG file: its <svg> element needs xmlns="${SVG_NAMESPACE}" (browsers show nothing without it)`;
  return null;
}

/** `xlink:href` → `href`, `svg:script` → `script`, in lower case. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}
