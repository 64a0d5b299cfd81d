// Files of the built deck as data: URLs, for the one-file export. Base64 even for SVG: the
// artwork is full of spaces, quotes and angle brackets, which percent-encoding triples.
import { mediaTypeOf } from '../media-types.js';

/** Documents, not files a page loads: the one-file export has no use for them inline. */
const DOCUMENTS = new Set(['text/html', 'application/json', 'application/pdf']);

/** The media type of a file a page can load, or undefined for anything else (a PDF, the page itself). */
export function mediaType(path: string): string | undefined {
  const type = mediaTypeOf(path);
  return type && !DOCUMENTS.has(type) ? type : undefined;
}

/** `bytes` as a data: URL typed by `path`'s extension; fails for a kind of file a page does not load. */
export function dataUrl(path: string, bytes: Uint8Array): string {
  const type = mediaType(path);
  if (!type) throw new Error(`${path}: not a kind of file the page can carry inline`);
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
