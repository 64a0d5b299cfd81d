// The built page's boot script (run here against a stand-in document) and the url() rebasing of
// the inline critical CSS. The browser side is in tests/e2e/prerender.spec.ts.
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { PRERENDER_OFF_CLASS } from '../../../src/shared/presentation.js';
import { bootScript, PAINT_WAIT_MS, rebaseUrls } from '../../../src/node/vite/first-view-plugin.js';

/** A page at `search` + `hash` with a held-back stylesheet and script; every callback waits for `step()`. */
function bootPage(search: string, hash: string, firstId: string | null = 'title', paintTiming = true) {
  const classes = new Set<string>();
  const log: string[] = [];
  const queue: [string, () => void][] = [];
  const later = (kind: string) => (callback: () => void) => queue.push([kind, callback]);
  const link = { localName: 'link', removeAttribute: (name: string) => log.push(`link: no ${name}`) };
  const held = { localName: 'script', getAttribute: () => './assets/index.js' };
  const document = {
    readyState: 'loading',
    documentElement: { classList: { add: (name: string) => classes.add(name) } },
    addEventListener: (type: string, callback: () => void) => later(type)(callback),
    querySelectorAll: (selector: string) => (selector === '[data-after-paint]' ? [link, held] : []),
    createElement: () => ({}) as { src?: string; async?: boolean },
    head: {
      appendChild: (s: { src: string; async: boolean }) => log.push(`script ${s.src} async=${s.async}`),
    },
    fonts: {
      forEach: (each: (face: { load(): Promise<void> }) => void) =>
        each({ load: () => (log.push('font load'), Promise.resolve()) }),
      ready: { then: (callback: () => void) => later('fonts.ready')(callback) },
    },
  };
  // Paint timing: the observer's callback is queued as 'paint', with the first contentful paint.
  class PerformanceObserver {
    static supportedEntryTypes = paintTiming ? ['mark', 'paint'] : ['mark'];
    constructor(private readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {}
    observe(options: { type: string; buffered: boolean }) {
      expect(options).toEqual({ type: 'paint', buffered: true });
      later('paint')(() =>
        this.callback({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }),
      );
    }
  }
  runInNewContext(bootScript(firstId ?? undefined), {
    location: { search, hash },
    document,
    PerformanceObserver,
    requestAnimationFrame: later('frame'),
    setTimeout: (callback: () => void, ms?: number) =>
      later(ms === undefined ? 'task' : `timer ${ms}`)(callback),
  });
  /** Runs the oldest pending callback (of `kind`, if given); returns its kind. */
  const step = (wanted?: string) => {
    const at = wanted === undefined ? 0 : queue.findIndex(([kind]) => kind === wanted);
    expect(at, `a pending ${wanted}`).toBeGreaterThanOrEqual(0);
    const [[kind, callback]] = queue.splice(at, 1) as [[string, () => void]];
    log.push(kind);
    callback();
    return kind;
  };
  return { hides: () => classes.has(PRERENDER_OFF_CLASS), log, queue, step };
}

describe('the boot script', () => {
  test('the title shows at once on the deck itself, and on a link to the title', () => {
    for (const hash of ['', '#', '#/', '#/title', '#/title/1'])
      expect(bootPage('', hash).hides(), hash).toBe(false);
  });

  test('a deep link, the console, the phone and the print views hide the title until the script runs', () => {
    expect(bootPage('', '#/chatgpt').hides()).toBe(true);
    expect(bootPage('', '#/titles').hides()).toBe(true);
    for (const search of ['?presenter', '?phone&token=x', '?view=print', '?view=handout', '?print-pdf'])
      expect(bootPage(search, '').hides(), search).toBe(true);
    expect(bootPage('', '', null).hides(), 'no slide came with the page').toBe(true);
  });

  const LOADED = ['link: no disabled', 'script ./assets/index.js async=false'];

  test('with the title shown, the stylesheet and script load once its first paint, fonts loaded, is reported', () => {
    const page = bootPage('', '');
    expect(page.log).toEqual(['font load']);
    expect([page.step(), page.step(), page.step()]).toEqual(['DOMContentLoaded', 'frame', 'fonts.ready']);
    expect(page.queue.map(([kind]) => kind)).toEqual([`timer ${PAINT_WAIT_MS}`, 'paint']);
    page.step('paint'); // reported before the time is up
    expect(page.log).not.toContain(LOADED[0]);
    page.step('task');
    expect(page.log.slice(-2)).toEqual(LOADED);
    page.step(`timer ${PAINT_WAIT_MS}`); // then the time is up: nothing loads twice
    expect(page.log.filter((line) => line.startsWith('script'))).toHaveLength(1);
  });

  test('without paint timing, a frame later; and never more than the wait after the fonts were ready', () => {
    const page = bootPage('', '', 'title', false);
    for (let i = 0; i < 3; i++) page.step();
    page.step('frame');
    page.step('task');
    expect(page.log).toEqual([
      'font load',
      'DOMContentLoaded',
      'frame',
      'fonts.ready',
      'frame',
      'task',
      ...LOADED,
    ]);
    const unreported = bootPage('', '');
    for (let i = 0; i < 3; i++) unreported.step();
    unreported.step(`timer ${PAINT_WAIT_MS}`);
    expect(unreported.log.slice(-2)).toEqual(LOADED);
  });

  test('without it, they load as soon as the page is parsed, and no font is loaded ahead', () => {
    const page = bootPage('?presenter', '');
    expect(page.step()).toBe('DOMContentLoaded');
    expect(page.queue).toEqual([]);
    expect(page.log).toEqual([
      'DOMContentLoaded',
      'link: no disabled',
      'script ./assets/index.js async=false',
    ]);
  });
});

describe('rebaseUrls', () => {
  test('points relative urls of a stylesheet in assets/ at the same files from the page', () => {
    expect(
      rebaseUrls('a{background:url(./bg.png)} b{src:url("f.woff2")} c{x:url(\'../up.svg\')}', 'assets'),
    ).toBe('a{background:url(./assets/bg.png)} b{src:url("./assets/f.woff2")} c{x:url(\'./up.svg\')}');
  });

  test('leaves data:, absolute, root-relative and fragment urls, and a stylesheet beside the page, alone', () => {
    const css = 'a{x:url(data:image/png;base64,AA==);y:url(https://e.x/a.png);z:url(/r.png);w:url(#m)}';
    expect(rebaseUrls(css, 'assets')).toBe(css);
    expect(rebaseUrls('a{x:url(b.png)}', '.')).toBe('a{x:url(b.png)}');
  });
});
