import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { inlinePage } from '../../../src/node/export/inline-page.js';

const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'";

/**
 * A built page: the policy, the stylesheet and script held back until the title has painted
 * (first-view-plugin.ts), and whatever `head`/`body` add.
 */
function page({ head = '', body = '' } = {}): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="${POLICY.replace(/'/g, '&#39;')}">
    <meta charset="utf-8" />
    <script type="deck/after-paint" data-after-paint src="./assets/index.js"></script>
    <link rel="stylesheet" href="./assets/style.css" disabled data-after-paint>
    ${head}
  </head>
  <body>
    <div class="reveal"><div class="slides"></div></div>
    ${body}
  </body>
</html>`;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const FONT = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
const PICTURE = bytes('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');

function files(overrides: Record<string, Uint8Array | string> = {}): Map<string, Uint8Array> {
  const all: Record<string, Uint8Array | string> = {
    'assets/index.js': 'document.body.dataset.ran = "yes";',
    'assets/style.css': '@font-face{font-family:A;src:url(./a.woff2)format("woff2")}body{color:red}',
    'assets/a.woff2': FONT,
    'assets/pic.svg': PICTURE,
    ...overrides,
  };
  return new Map(
    Object.entries(all).map(([path, data]) => [path, typeof data === 'string' ? bytes(data) : data]),
  );
}

const dataUrl = (type: string, data: Uint8Array) =>
  `data:${type};base64,${Buffer.from(data).toString('base64')}`;

/** The page as a browser's parser sees it: scripts and styles as text, the policy, the body's children. */
function read(html: string) {
  const document = parseDocument(html);
  const all = (name: string) => DomUtils.getElementsByTagName(name, document);
  const body = all('body')[0]!;
  return {
    scripts: all('script').map((s) => ({ src: s.attribs.src, text: DomUtils.textContent(s) })),
    attributes: [...all('script'), ...all('style')].map((e) => Object.keys(e.attribs)).flat(),
    styles: all('style').map((s) => DomUtils.textContent(s)),
    links: all('link').map((l) => l.attribs),
    policy: all('meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')?.attribs.content,
    lastInBody: DomUtils.getChildren(body)
      .filter((n) => 'name' in n)
      .at(-1),
  };
}

describe('inlinePage', () => {
  test('puts the stylesheet in <style> with its fonts as data: URLs, and the script inline at the end of <body>', () => {
    const { html } = inlinePage(page(), files());
    const shown = read(html);
    expect(shown.links).toEqual([]);
    expect(shown.styles).toEqual([
      `@font-face{font-family:A;src:url("${dataUrl('font/woff2', FONT)}")format("woff2")}body{color:red}`,
    ]);
    expect(shown.scripts).toEqual([{ src: undefined, text: 'document.body.dataset.ran = "yes";' }]);
    // A script without src ignores defer: it must come after the document it works on.
    expect(shown.lastInBody).toMatchObject({ name: 'script' });
    // Nothing is held back: the page has no request to save, and the boot script finds nothing to load.
    expect(shown.attributes).toEqual([]);
  });

  test('a deferred script, as a plain Vite build writes it, goes to the end of <body> too', () => {
    const built = page().replace(
      '<script type="deck/after-paint" data-after-paint src="./assets/index.js">',
      '<script defer src="./assets/index.js">',
    );
    const shown = read(inlinePage(built, files()).html);
    expect(shown.scripts).toEqual([{ src: undefined, text: 'document.body.dataset.ran = "yes";' }]);
    expect(shown.lastInBody).toMatchObject({ name: 'script' });
  });

  test('allows the inline script by its hash, fonts and pictures as data:, and nothing as self', () => {
    const { html } = inlinePage(page({ body: '<img src="assets/pic.svg" alt="">' }), files());
    const { policy, scripts } = read(html);
    const hash = createHash('sha256').update(scripts[0]!.text).digest('base64');
    expect(policy).toBe(
      `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'`,
    );
  });

  test('replaces an asset URL the script builds from its own location (Vite: new URL(name, script))', () => {
    const js =
      'var e=[new URL(`pic.svg`,document.currentScript&&document.currentScript.src||document.baseURI).href];';
    const { html } = inlinePage(page(), files({ 'assets/index.js': js }));
    const [script] = read(html).scripts;
    expect(script!.text).toBe(
      `var e=[new URL(\`${dataUrl('image/svg+xml', PICTURE)}\`,document.currentScript&&document.currentScript.src||document.baseURI).href];`,
    );
  });

  test('pictures in the page itself become data: URLs, relative to the page; links it does not load stay', () => {
    const head =
      '<link rel="icon" href="assets/pic.svg"><link rel="canonical" href="https://example.org/talk">';
    const { html } = inlinePage(
      page({ head, body: '<p><img alt="图" src="./assets/pic.svg"></p>' }),
      files(),
    );
    expect(html).toContain(`<img alt="图" src="${dataUrl('image/svg+xml', PICTURE)}">`);
    expect(read(html).links).toEqual([
      { rel: 'icon', href: dataUrl('image/svg+xml', PICTURE) },
      { rel: 'canonical', href: 'https://example.org/talk' },
    ]);
  });

  test('a script or stylesheet that would close its element early is escaped, and means the same', () => {
    const js = 'document.title = "</script><script>alert(1)</script>" + "<!--";';
    const css = '.a::after{content:"</style><b>"}';
    const { html } = inlinePage(page(), files({ 'assets/index.js': js, 'assets/style.css': css }));
    const shown = read(html);
    expect(shown.scripts).toHaveLength(1);
    const context = { document: { title: '' } };
    runInNewContext(shown.scripts[0]!.text, context);
    expect(context.document.title).toBe('</script><script>alert(1)</script><!--');
    expect(shown.styles).toEqual(['.a::after{content:"<\\/style><b>"}']);
  });

  test('drops download hints: preload links and a script marked data-preload', () => {
    const head =
      '<link rel="preload" as="font" href="./assets/a.woff2"><script async src="./assets/hint.js" data-preload></script>';
    const { html } = inlinePage(page({ head }), files({ 'assets/hint.js': 'preload("a.woff2")' }));
    expect(read(html).links).toEqual([]);
    expect(read(html).scripts).toHaveLength(1);
    expect(html).not.toContain('hint');
  });

  test('reports what takes the space: scripts, styles, each file inlined, the rest', () => {
    const { html, parts } = inlinePage(page({ body: '<img src="assets/pic.svg" alt="">' }), files());
    expect(parts.map((p) => `${p.kind} ${p.path}`)).toEqual([
      'script assets/index.js',
      'style assets/style.css',
      'font assets/a.woff2',
      'image assets/pic.svg',
      'page index.html',
    ]);
    expect(parts.reduce((sum, p) => sum + p.bytes, 0)).toBe(Buffer.byteLength(html));
  });

  test.each([
    ['a url() to a missing file', { 'assets/style.css': 'a{background:url(gone.png)}' }, /url\(gone\.png\)/],
    ['a url() to another origin', { 'assets/style.css': 'a{background:url(https://x.org/a.png)}' }, /x\.org/],
    ['an @import', { 'assets/style.css': '@import "other.css";' }, /@import/],
    [
      'a file named in a way the inliner does not follow',
      { 'assets/index.js': 'load(["a", "woff2"].join(".")); // a.woff2' },
      /assets\/a\.woff2/,
    ],
  ])('fails loudly on %s', (_, overrides, message) => {
    expect(() => inlinePage(page(), files(overrides))).toThrow(message);
  });

  test('fails on a module script, a missing script and a page without a policy', () => {
    expect(() =>
      inlinePage(page({ head: '<script type="module" src="./assets/index.js"></script>' }), files()),
    ).toThrow(/module script/);
    expect(() => inlinePage(page({ head: '<script src="./assets/gone.js"></script>' }), files())).toThrow(
      /gone\.js/,
    );
    expect(() => inlinePage(page().replace(/<meta http-equiv[^>]*>/, ''), files())).toThrow(
      /Content-Security-Policy/,
    );
  });
});
