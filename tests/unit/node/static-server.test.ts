// The static server as the PDF export and the present command use it, over HTTP on 127.0.0.1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/node/cli/static-server.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'static-server-test-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);\n'.repeat(100));
  writeFileSync(join(dir, 'assets', 'deck sans.woff2'), 'wOF2');
  writeFileSync(join(dir, 'assets', 'KaTeX_Main.woff2'), 'wOF2');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GET `path` asking for gzip, as a browser does: status and headers. */
function get(
  server: StaticServer,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    })
      .on('error', reject)
      .end();
  });
}

async function serving<T>(
  options: Parameters<typeof serveStatic>[1],
  use: (server: StaticServer) => Promise<T>,
) {
  const server = await serveStatic(dir, options);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('serveStatic', () => {
  test('gzips text and asks for no font by default, as a static host does', async () => {
    await serving({}, async (server) => {
      const page = await get(server, '/');
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.headers.link).toBeUndefined();
      expect((await get(server, '/assets/app.js')).headers['content-encoding']).toBe('gzip');
    });
  });

  test('with preloadFonts, sends every page with a preload of every font file, in CORS mode', async () => {
    await serving({ preloadFonts: true }, async (server) => {
      const link = String((await get(server, '/index.html')).headers.link);
      expect(link.split(', ').sort()).toEqual([
        '</assets/KaTeX_Main.woff2>; rel=preload; as=font; crossorigin',
        '</assets/deck%20sans.woff2>; rel=preload; as=font; crossorigin',
      ]);
      // The fonts it names are there; only pages carry the header.
      const font = await get(server, '/assets/deck%20sans.woff2');
      expect(font.status).toBe(200);
      expect(font.headers.link).toBeUndefined();
    });
  });

  test('without compression, sends every file as it is', async () => {
    await serving({ compress: false }, async (server) => {
      for (const path of ['/', '/assets/app.js'])
        expect((await get(server, path)).headers['content-encoding'], path).toBeUndefined();
    });
  });
});
