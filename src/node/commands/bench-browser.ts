// What the benchmark measures in Chromium: a cold load (cache off) and a walk through the deck
// with the arrow keys. Both read the page's own clock; bytes come from the DevTools protocol.
import type { Browser, CDPSession, Page } from '@playwright/test';

export interface LoadSample {
  /** First contentful paint, ms from navigation start. */
  fcpMs: number | null;
  /** `html[data-deck-ready]` set (reveal ready, fonts loaded), ms from navigation start. */
  readyMs: number;
  /** The frame after that painted: the title on screen in its own font. */
  titleMs: number;
  /** Requests started before the deck was ready, and their bytes on the wire (headers included). */
  firstView: { bytes: number; requests: number; files: string[] };
  /** Everything the page loaded until the network went quiet (the rest of the font, images). */
  all: { bytes: number; requests: number };
}

export interface StepSample {
  kind: 'slide' | 'fragment';
  /** Key press to the first animation frame after the slide became `present` (or the fragment `visible`). */
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
    __bench?: { readyMs?: number; titleMs?: number };
    __walk?: { next(timeoutMs: number): Promise<StepSample | null> };
  }
}

const VIEWPORT = { width: 1280, height: 720 };
const QUIET_MS = 300;

/** Loads `url` in a fresh context with the cache off and times it; runs once per cold-load run. */
export async function coldLoad(browser: Browser, url: string, timeoutMs = 30_000): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: READY_PROBE });
    const cdp = await context.newCDPSession(page);
    const requests = await recordRequests(cdp);
    await page.goto(url, { waitUntil: 'commit' });
    // (Not waitForFunction: it evaluates with eval(), which the deck's Content Security Policy forbids.)
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached', timeout: timeoutMs });
    const times = await page.evaluate(async () => {
      while (window.__bench?.titleMs === undefined) await new Promise((r) => setTimeout(r, 5));
      return {
        timeOrigin: performance.timeOrigin,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        readyMs: window.__bench.readyMs!,
        titleMs: window.__bench.titleMs,
      };
    });
    await networkQuiet(requests, timeoutMs);
    const list = [...requests.values()].map((r) => ({ ...r, startMs: r.startMs - times.timeOrigin }));
    const sum = (rs: RequestRecord[]) => ({
      bytes: rs.reduce((n, r) => n + r.bytes, 0),
      requests: rs.length,
    });
    const firstView = list.filter((r) => r.startMs <= times.readyMs);
    return {
      fcpMs: times.fcp,
      readyMs: times.readyMs,
      titleMs: times.titleMs,
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
  /** Also walk back to the start with ←. */
  back: boolean;
  /** Stop after this many presses forward (a sample of a long deck). */
  maxSteps?: number;
  /** Longest wait for a transition to end before the next press. */
  settleMs: number;
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
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('html[data-deck-ready]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const { slides, steps } = await page.evaluate(() => {
      const slides = document.querySelectorAll('.reveal .slides section:not(:has(section))').length;
      const fragments = document.querySelectorAll('.reveal .slides .fragment').length;
      return { slides, steps: slides + fragments - 1 };
    });
    await page.evaluate(WALK_PROBE);
    const samples: StepSample[] = [];
    const forward = Math.min(steps, options.maxSteps ?? steps);
    const keys = [
      ...Array<string>(forward).fill('ArrowRight'),
      ...(options.back ? Array<string>(forward).fill('ArrowLeft') : []),
    ];
    for (const key of keys) {
      const sample = await press(page, key, options.settleMs);
      if (sample) samples.push(sample);
    }
    return { slides, samples };
  } finally {
    await context.close();
  }
}

async function press(page: Page, key: string, settleMs: number): Promise<StepSample | null> {
  await page.keyboard.press(key);
  const sample = await page.evaluate(() => window.__walk!.next(2000));
  // Let the transition finish (up to settleMs), as a presenter pauses between slides.
  await page.evaluate(
    (cap) =>
      Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))),
        new Promise((r) => setTimeout(r, cap)),
      ]),
    settleMs,
  );
  return sample;
}

// The two probes below run in the page. They are plain JavaScript in strings so that no build
// tool (tsx renames functions with a `__name` helper) rewrites them into something the page lacks.

/** Before the page's own scripts: notes when the deck says it is ready, and the task after the next frame. */
const READY_PROBE = `(() => {
  const bench = (window.__bench = {});
  const observer = new MutationObserver(() => {
    if (document.documentElement.dataset.deckReady === undefined || bench.readyMs !== undefined) return;
    bench.readyMs = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.titleMs = performance.now());
      channel.port2.postMessage(null);
    });
  });
  // Init scripts run before <html> exists: watch the document for it.
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-deck-ready'] });
})()`;

/**
 * Once the deck is ready: times each key press (keydown's timestamp, taken by a capture listener
 * on window, before reveal.js's own handler) to the first frame after a slide becomes `present`
 * or a fragment changes `visible`, and to the task after that frame (it has been painted).
 */
const WALK_PROBE = `(() => {
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
      if (element.tagName === 'SECTION' && element.classList.contains('present') && !before.includes(' present ')) return shown('slide');
      if (element.classList.contains('fragment') && element.classList.contains('visible') !== before.includes(' visible ')) return shown('fragment');
    }
  }).observe(document.querySelector('.reveal .slides'), { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
  window.__walk = {
    next: (timeoutMs) => new Promise((resolve) => {
      if (result) { resolve(result); result = null; return; }
      const timer = setTimeout(() => { waiting = null; keyAt = null; resolve(null); }, timeoutMs);
      waiting = (sample) => { clearTimeout(timer); resolve(sample); };
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
