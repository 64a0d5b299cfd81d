// Files of the built deck as data: URLs, for the one-file export. Base64 even for SVG: the
// artwork is full of spaces, quotes and angle brackets, which percent-encoding triples.
import { extname } from 'node:path';

/** The files a page loads that the one-file export can carry inside itself, by extension. */
const MEDIA_TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

/** The media type of a file a page can load, or undefined for anything else (a PDF, the page itself). */
export function mediaType(path: string): string | undefined {
  return MEDIA_TYPES[extname(path).toLowerCase()];
}

/** `bytes` as a data: URL typed by `path`'s extension; fails for a kind of file a page does not load. */
export function dataUrl(path: string, bytes: Uint8Array): string {
  const type = mediaType(path);
  if (!type) throw new Error(`${path}: not a kind of file the page can carry inline`);
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
