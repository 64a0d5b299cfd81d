// A static file server for a built deck, shared by `npm run present`, the PDF export and the
// benchmark: on 127.0.0.1 unless told otherwise (present --remote serves the local network).
// It gzips text the way an ordinary static host does, so the benchmark's "transferred" means what
// an audience downloads. It sends no cache validators: Chromium then never refetches a file while
// printing (under `vite preview`, revalidated font preloads could drop the font from a PDF).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentType, mediaTypeOf } from '../media-types.js';

/** Already compressed formats (woff2, images) are sent as they are, as any host does. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf']);

export interface StaticServer {
  /** `http://host:port/` as bound (the wildcard host 0.0.0.0 as it is). */
  url: string;
  port: number;
  /** The Node server, for a caller that also answers WebSocket upgrades on it. */
  server: Server;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Address to listen on (default 127.0.0.1: nothing beyond this machine). */
  host?: string;
  /** Port (default 0: any free one). */
  port?: number;
  /** Answers a request before the files do (an endpoint, a refusal); returns false to let the files answer. */
  handle?: (request: IncomingMessage, response: ServerResponse, url: URL) => boolean;
  /** Gzip text as a host does (default true); over loopback to one browser it only costs time (0.1 s for 1,000 slides). */
  compress?: boolean;
  /**
   * Send every page with a `Link` header asking for every font file of the folder at once (default
   * false). The printable views need them all, and Chromium asks for a font only once it lays out
   * text that needs it: with 1,000 slides, laying them all out again when it came cost 5 s.
   */
  preloadFonts?: boolean;
}

/** The bytes a host sends for `file`: gzip (level 9, done once) for text, the file itself otherwise. */
export function transferBody(path: string, body: Buffer): Buffer {
  return COMPRESSIBLE.has(extname(path)) ? gzipSync(body, { level: 9 }) : body;
}

/** Serves `dir` (on a free port of 127.0.0.1 unless `options` say otherwise) until `close()`. */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const { host = '127.0.0.1', port: wantedPort = 0, handle, compress = true, preloadFonts = false } = options;
  const root = resolve(dir);
  // Everything is read and compressed up front, so no load pays for the server's own work.
  const files = new Map<string, { raw: Buffer; gzip: Buffer | null }>();
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  for (const name of names) {
    const file = join(root, name);
    try {
      const raw = readFileSync(file);
      const gzip = compress && COMPRESSIBLE.has(extname(file)) ? transferBody(file, raw) : null;
      files.set(file, { raw, gzip });
    } catch {
      // a folder
    }
  }
  // `crossorigin`: fonts are fetched in CORS mode, and a preload is used only by a request of its mode.
  const fontLinks = names
    .filter((name) => mediaTypeOf(name)?.startsWith('font/'))
    .map(
      (name) => `</${name.split(sep).map(encodeURIComponent).join('/')}>; rel=preload; as=font; crossorigin`,
    );
  const pageHeaders = preloadFonts && fontLinks.length > 0 ? { link: fontLinks.join(', ') } : {};
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (handle?.(request, response, url)) return;
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const entry = file.startsWith(root + sep) ? files.get(file) : undefined;
    if (!entry) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = entry.gzip !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzip! : entry.raw;
    response.writeHead(200, {
      'content-type': contentType(file),
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...(extname(file) === '.html' ? pageHeaders : {}),
    });
    response.end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(wantedPort, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
