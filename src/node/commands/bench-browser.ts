// What the benchmark measures in Chromium: a cold load (cache off) and a walk through the deck
// with the arrow keys, for our deck and for Marp's; plus opening our overview. All read the page's
// own clock; bytes come from the DevTools protocol.
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Which presentation software made the page: how to tell its slides and its current one. */
export type DeckKind = 'reveal' | 'marp';

interface DeckShape {
  /** Present once the deck can take key presses. */
  ready: string;
  /** Every slide, and the container the walk probe watches. */
  slides: string;
  container: string;
  /** Tag (upper case) and class of the slide being shown; the probe watches the class appear. */
  slideTag: string;
  activeClass: string;
  /** Build steps (fragments), whose `visible` class the probe also watches; null: none counted. */
  fragments: string | null;
}

const SHAPES: Record<DeckKind, DeckShape> = {
  reveal: {
    ready: 'html[data-deck-ready]',
    slides: '.reveal .slides section:not(:has(section))',
    container: '.reveal .slides',
    slideTag: 'SECTION',
    activeClass: 'present',
    fragments: '.reveal .slides .fragment',
  },
  // marp-cli's bespoke template: one <svg data-marpit-svg> per slide, the shown one gets
  // `bespoke-marp-active`; → and ← move by one slide (the talk's Marp file has no fragments).
  marp: {
    ready: 'svg[data-marpit-svg].bespoke-marp-active',
    slides: 'svg[data-marpit-svg]',
    container: 'body',
    slideTag: 'svg',
    activeClass: 'bespoke-marp-active',
    fragments: null,
  },
};

export interface LoadSample {
  /** First contentful paint, ms from navigation start. */
  fcpMs: number | null;
  /**
   * The task after the first animation frame in which the first slide's title was in the DOM,
   * visible with a non-zero box, its font loaded (`document.fonts.check`) and
   * `document.fonts.status === 'loaded'`: the title on screen in its own font, for any deck.
   */
  titleMs: number;
  /** That frame's own time (rAF callback), which the first-view requests are counted up to. */
  titleFrameMs: number;
  /** `html[data-deck-ready]` (our deck: reveal ready and fonts loaded), ms; null when never set (Marp). */
  readyMs: number | null;
  /** Requests started before the title frame, and their bytes on the wire (headers included). */
  firstView: { bytes: number; requests: number; files: string[] };
  /** Everything the page loaded until the network went quiet (the rest of the font, images). */
  all: { bytes: number; requests: number };
}

export interface StepSample {
  kind: 'slide' | 'fragment';
  /** Key press to the first animation frame after the slide became active (or the fragment `visible`). */
  frameMs: number;
  /** Key press to the task after that frame, i.e. after it was painted. */
  paintMs: number;
}

interface RequestRecord {
  url: string;
  /** ms since the page's time origin. */
  startMs: number;
  bytes: number;
  done: boolean;
}

declare global {
  interface Window {
    __bench?: { readyMs?: number; titleFrameMs?: number; titleMs?: number };
    __walk?: { next(timeoutMs: number): Promise<StepSample | null> };
    __overview?: { next(timeoutMs: number): Promise<number | null> };
  }
}

const VIEWPORT = { width: 1280, height: 720 };
const QUIET_MS = 300;

/**
 * Loads `url` in a fresh context with the cache off and times it until the first slide's
 * heading `title` shows in its font; runs once per cold-load run, for any kind of deck.
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  title: string,
  timeoutMs = 30_000,
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: titleProbe(title) });
    const cdp = await context.newCDPSession(page);
    const requests = await recordRequests(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    // (Not waitForFunction: it evaluates with eval(), which the deck's Content Security Policy forbids.)
    const gotTitle = await page.evaluate(async (deadline) => {
      const end = performance.now() + deadline;
      while (window.__bench?.titleMs === undefined && performance.now() < end)
        await new Promise((r) => setTimeout(r, 5));
      return window.__bench?.titleMs !== undefined;
    }, timeoutMs);
    if (!gotTitle) throw new Error(`${url}: the title "${title}" never showed with its fonts loaded`);
    await networkQuiet(requests, timeoutMs);
    const times = await page.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      readyMs: window.__bench!.readyMs ?? null,
      titleFrameMs: window.__bench!.titleFrameMs!,
      titleMs: window.__bench!.titleMs!,
    }));
    const list = [...requests.values()].map((r) => ({ ...r, startMs: r.startMs - times.timeOrigin }));
    const sum = (rs: RequestRecord[]) => ({
      bytes: rs.reduce((n, r) => n + r.bytes, 0),
      requests: rs.length,
    });
    const firstView = list.filter((r) => r.startMs <= times.titleFrameMs);
    return {
      fcpMs: times.fcp,
      titleMs: times.titleMs,
      titleFrameMs: times.titleFrameMs,
      readyMs: times.readyMs,
      firstView: {
        ...sum(firstView),
        files: firstView.map((r) => new URL(r.url).pathname.split('/').pop() || 'index.html'),
      },
      all: sum(list),
    };
  } finally {
    await context.close();
  }
}

export interface WalkOptions {
  kind: DeckKind;
  /** Also walk back to the start with ←. */
  back: boolean;
  /** Stop after this many presses forward (a sample of a long deck). */
  maxSteps?: number;
  /** Longest wait for a transition to end before the next press. */
  settleMs: number;
}

/**
 * After each press has settled, this long with nothing pressed, as a presenter speaks between
 * slides. Chromium starts the frame for a press at once on a page at rest, but on a page that drew
 * a frame a moment ago (an animation just ended) it waits for the display's next frame: pressing
 * the instant the last transition ended measured that wait (up to 16.7 ms), and favoured a deck
 * with no transitions.
 */
const REST_MS = 250;

/** Opens `url` in a fresh context and waits for the deck, its fonts and the network to settle. */
async function openDeck(browser: Browser, url: string, kind: DeckKind): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(SHAPES[kind].ready).first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => {}));
  await page.waitForLoadState('networkidle');
  return page;
}

/**
 * Opens `url`, waits for the deck and all its fonts, then presses → until the end (or
 * `maxSteps`), and ← back to the start when `back`, timing each press; runs once per deck.
 */
export async function walkDeck(
  browser: Browser,
  url: string,
  options: WalkOptions,
): Promise<{ slides: number; samples: StepSample[] }> {
  const shape = SHAPES[options.kind];
  const page = await openDeck(browser, url, options.kind);
  try {
    const { slides, steps } = await page.evaluate(
      ({ slides, fragments }) => {
        const count = document.querySelectorAll(slides).length;
        const builds = fragments ? document.querySelectorAll(fragments).length : 0;
        return { slides: count, steps: count + builds - 1 };
      },
      { slides: shape.slides, fragments: shape.fragments },
    );
    await page.evaluate(walkProbe(shape));
    const samples: StepSample[] = [];
    const forward = Math.min(steps, options.maxSteps ?? steps);
    const keys = [
      ...Array<string>(forward).fill('ArrowRight'),
      ...(options.back ? Array<string>(forward).fill('ArrowLeft') : []),
    ];
    for (const key of keys) {
      const sample = await press(page, key, options.settleMs);
      if (sample) samples.push(sample);
      await new Promise((resolve) => setTimeout(resolve, REST_MS));
    }
    return { slides, samples };
  } finally {
    await page.context().close();
  }
}

/**
 * Opens our deck's overview `times` times with `o` (closing it with `o` between), timing each:
 * key press to the first animation frame after reveal.js fired `overviewshown` (it fires once
 * the class is set and every slide has been given its place in the grid), and to the task
 * after that frame, i.e. the overview painted. Returns the painted times, ms.
 */
export async function openOverview(browser: Browser, url: string, times: number): Promise<number[]> {
  const page = await openDeck(browser, url, 'reveal');
  try {
    await page.evaluate(OVERVIEW_PROBE);
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      await page.keyboard.press('o');
      const ms = await page.evaluate(() => window.__overview!.next(30_000));
      if (ms === null) throw new Error(`${url}: the overview never opened after the o key`);
      samples.push(ms);
      await page.keyboard.press('o');
      await page.locator('.reveal.overview').waitFor({ state: 'detached', timeout: 30_000 });
      await settle(page, 2000);
    }
    return samples;
  } finally {
    await page.context().close();
  }
}

async function press(page: Page, key: string, settleMs: number): Promise<StepSample | null> {
  await page.keyboard.press(key);
  const sample = await page.evaluate(() => window.__walk!.next(2000));
  // Let the transition finish (up to settleMs), as a presenter pauses between slides.
  await settle(page, settleMs);
  return sample;
}

function settle(page: Page, capMs: number): Promise<unknown> {
  return page.evaluate(
    (cap) =>
      Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))),
        new Promise((r) => setTimeout(r, cap)),
      ]),
    capMs,
  );
}

// The probes below run in the page. They are plain JavaScript in strings so that no build
// tool (tsx renames functions with a `__name` helper) rewrites them into something the page lacks.

/**
 * Before the page's own scripts: checks every animation frame for a heading (h1/h2) reading
 * `title` that is visible with a box, in a loaded font, with no font load pending; notes that
 * frame and the task after it (the frame painted). Also notes `html[data-deck-ready]` if set.
 */
export function titleProbe(title: string): string {
  return `(() => {
  const title = ${JSON.stringify(title.replace(/\s+/g, ' ').trim())};
  const bench = (window.__bench = {});
  const shown = (element) => {
    if ((element.textContent || '').replace(/\\s+/g, ' ').trim() !== title) return false;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const style = getComputedStyle(element);
    return document.fonts.check(style.fontStyle + ' ' + style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily, title);
  };
  // Our decks say when reveal.js is up; that can come after the title frame (the title is prerendered).
  const ready = new MutationObserver(() => {
    if (document.documentElement && document.documentElement.dataset.deckReady !== undefined) {
      bench.readyMs = performance.now();
      ready.disconnect();
    }
  });
  ready.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-deck-ready'] });
  const frame = () => {
    if (document.fonts.status === 'loaded' && [...document.querySelectorAll('h1, h2')].some(shown)) {
      bench.titleFrameMs = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.titleMs = performance.now());
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;
}

/**
 * Once the deck is ready: times each key press (keydown's timestamp, taken by a capture listener
 * on window, before the deck's own handler) to the first frame after a slide gets the deck's
 * active class (or a fragment changes `visible`), and to the task after that frame (painted).
 */
function walkProbe(shape: DeckShape): string {
  return `(() => {
  const slideTag = ${JSON.stringify(shape.slideTag)}, active = ${JSON.stringify(shape.activeClass)};
  let keyAt = null, result = null, waiting = null;
  const finish = (sample) => { if (waiting) { waiting(sample); waiting = null; } else result = sample; };
  const shown = (kind) => {
    if (keyAt === null) return;
    const pressed = keyAt;
    keyAt = null;
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => finish({ kind, frameMs: frame - pressed, paintMs: performance.now() - pressed });
      channel.port2.postMessage(null);
    });
  };
  window.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, { capture: true });
  new MutationObserver((records) => {
    for (const record of records) {
      const element = record.target;
      const before = ' ' + (record.oldValue || '') + ' ';
      if (element.tagName === slideTag && element.classList.contains(active) && !before.includes(' ' + active + ' ')) return shown('slide');
      if (element.classList.contains('fragment') && element.classList.contains('visible') !== before.includes(' visible ')) return shown('fragment');
    }
  }).observe(document.querySelector(${JSON.stringify(shape.container)}), { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
  window.__walk = {
    next: (timeoutMs) => new Promise((resolve) => {
      if (result) { resolve(result); result = null; return; }
      const timer = setTimeout(() => { waiting = null; keyAt = null; resolve(null); }, timeoutMs);
      waiting = (sample) => { clearTimeout(timer); resolve(sample); };
    }),
  };
})()`;
}

/** Our deck's overview: key press to the task after the first frame following `overviewshown`. */
const OVERVIEW_PROBE = `(() => {
  let keyAt = null, result = null, waiting = null;
  const finish = (ms) => { if (waiting) { waiting(ms); waiting = null; } else result = ms; };
  window.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, { capture: true });
  document.addEventListener('overviewshown', () => {
    if (keyAt === null) return;
    const pressed = keyAt;
    keyAt = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => finish(performance.now() - pressed);
      channel.port2.postMessage(null);
    });
  });
  window.__overview = {
    next: (timeoutMs) => new Promise((resolve) => {
      if (result !== null) { resolve(result); result = null; return; }
      const timer = setTimeout(() => { waiting = null; resolve(null); }, timeoutMs);
      waiting = (ms) => { clearTimeout(timer); resolve(ms); };
    }),
  };
})()`;

async function recordRequests(cdp: CDPSession): Promise<Map<string, RequestRecord>> {
  const requests = new Map<string, RequestRecord>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.request.url.startsWith('data:')) return;
    requests.set(event.requestId, {
      url: event.request.url,
      startMs: event.wallTime * 1000,
      bytes: 0,
      done: false,
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { bytes: event.encodedDataLength, done: true });
  });
  cdp.on('Network.loadingFailed', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.done = true;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return requests;
}

/** Resolves once no request has been pending for QUIET_MS. */
async function networkQuiet(requests: Map<string, RequestRecord>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const pending = [...requests.values()].some((r) => !r.done);
    if (pending) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the page kept loading for too long');
}
