// Media types by file extension: one table for the static server (Content-Type) and the one-file
// export (data: URLs).
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The media type of `path` by its extension, or undefined for an unknown kind of file. */
export function mediaTypeOf(path: string): string | undefined {
  return TYPES[extname(path).toLowerCase()];
}

/** The Content-Type header for `path`: text in UTF-8, anything unknown as bytes. */
export function contentType(path: string): string {
  const type = mediaTypeOf(path);
  if (!type) return 'application/octet-stream';
  return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type;
}
