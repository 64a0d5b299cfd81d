// The phone remote's part of `npm run bench`: the presenter taps "next" on the phone, and the time
// until the audience screen shows the next slide or build step is measured, over the loopback
// relay of `npm run present -- --remote`: phone page → relay → console (bridge) → audience.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, type Browser, type Page } from '@playwright/test';
import { summarize, type Stats } from '../cli/stats.js';
import { startPresentServer } from '../remote/present-server.js';

/** Phone tap to the first frame of the audience screen showing the move, median. */
export const REMOTE_TAP_BUDGET_MS = 50;
const READY_MS = 30_000;
const SETTLE_MS = 800;

export interface RemoteTapResult {
  /** Tap to the first animation frame of the audience page with the next slide or step present. */
  ms: Stats;
  /** Taps whose move never reached the audience within 10 s. */
  lost: number;
}

// Scripts for the pages as text: tsx would wrap named functions in a helper the page lacks.
/** The audience page notes, by the shared wall clock, each frame in which what it shows changed. */
const AUDIENCE_PROBE = `(() => {
  const shown = [];
  window.__deckShown = shown;
  let last = null;
  const at = () => {
    const slide = document.querySelector('.reveal .slides > section.present');
    return slide ? slide.id + '/' + slide.querySelectorAll('.fragment.visible').length : '';
  };
  const frame = () => {
    const now = at();
    if (last !== null && now !== last) shown.push({ at: performance.timeOrigin + performance.now(), now });
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;
/** The phone page notes when each finger touched a button, by the same clock. */
const PHONE_PROBE = `(() => {
  const taps = [];
  window.__deckTaps = taps;
  addEventListener('touchstart', () => taps.push(performance.timeOrigin + performance.now()), { capture: true, passive: true });
})()`;

/**
 * Serves the built deck in `dist` with the relay on a free loopback port, opens the laptop (an
 * audience page and the console, one context) and a phone (its own mobile context), taps next
 * `taps` times (back once at the end of the deck) and times each tap.
 */
export async function measureRemoteTaps(
  browser: Browser,
  dist: string,
  slides: string,
  taps: number,
): Promise<RemoteTapResult> {
  const tokenDir = mkdtempSync(join(tmpdir(), 'bench-remote-'));
  const server = await startPresentServer({
    dist,
    slides,
    host: '127.0.0.1',
    port: 0,
    remote: true,
    tokenFile: join(tokenDir, 'token'),
  });
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  const phoneContext = await browser.newContext(pixel);
  try {
    const audience = await laptop.newPage();
    await audience.goto(server.urls.deck);
    await audience.locator('html[data-deck-ready]').waitFor({ state: 'attached', timeout: READY_MS });
    await audience.evaluate(AUDIENCE_PROBE);
    const bridge = await laptop.newPage();
    await bridge.goto(server.urls.console);
    await bridge.locator('html[data-presenter-ready]').waitFor({ state: 'attached', timeout: READY_MS });
    const phone = await phoneContext.newPage();
    await phone.goto(server.urls.phone);
    await phone.locator('html[data-phone-ready]').waitFor({ state: 'attached', timeout: READY_MS });
    await phone.evaluate(PHONE_PROBE);
    const deadline = performance.now() + READY_MS;
    while (server.remote!.relay.size < 2) {
      if (performance.now() > deadline)
        throw new Error('bench: the console and the phone never reached the relay');
      await phone.waitForTimeout(50);
    }

    const positions = await audience.evaluate(
      () =>
        document.querySelectorAll('.reveal .slides > section').length +
        document.querySelectorAll('.reveal .slides .fragment').length,
    );
    const samples: number[] = [];
    let lost = 0;
    let at = 0;
    let forward = true;
    for (let i = 0; i < taps; i++) {
      if (at === positions - 1) forward = false;
      if (at === 0) forward = true;
      const sample = await tap(phone, audience, forward ? '.phone-next' : '.phone-previous');
      at += forward ? 1 : -1;
      if (sample === null) lost += 1;
      else samples.push(sample);
    }
    return { ms: summarize(samples), lost };
  } finally {
    await laptop.close();
    await phoneContext.close();
    await server.close();
    rmSync(tokenDir, { recursive: true, force: true });
  }
}

/** What the probes keep on the pages' windows. */
type Probed = Window & { __deckShown: { at: number }[]; __deckTaps: number[] };

/** One tap on a phone button; ms from the touch to the audience's first frame showing the move, null if none in 10 s. */
async function tap(phone: Page, audience: Page, button: string): Promise<number | null> {
  const before = await audience.evaluate(() => (window as unknown as Probed).__deckShown.length);
  await phone.locator(button).tap();
  // Functions, not strings: the deck's security policy forbids eval, which a string predicate needs.
  const shown = await audience
    .waitForFunction((n) => (window as unknown as Probed).__deckShown[n]?.at, before, { timeout: 10_000 })
    .then(async (handle) => Number(await handle.jsonValue()))
    .catch(() => null);
  const tapped = await phone.evaluate(() => (window as unknown as Probed).__deckTaps.at(-1)!);
  // Let the transition finish, as a presenter pauses between slides.
  await audience.waitForTimeout(SETTLE_MS);
  return shown === null ? null : shown - tapped;
}

/** One line for the benchmark's report. */
export function formatRemoteTaps(result: RemoteTapResult): string {
  const { ms } = result;
  return `Phone tap → audience frame with the next slide or step (relay on loopback): ${ms.median.toFixed(1)} ms median, ${ms.p95.toFixed(1)} ms p95, n=${ms.n}${result.lost ? `, ${result.lost} lost` : ''} (budget ${REMOTE_TAP_BUDGET_MS} ms median)`;
}

/** The remote's budget failures, one line each ([] when it passes). */
export function remoteTapFailures(result: RemoteTapResult): string[] {
  const failures: string[] = [];
  if (result.lost > 0) failures.push(`phone taps: ${result.lost} never reached the audience`);
  if (!(result.ms.median <= REMOTE_TAP_BUDGET_MS))
    failures.push(
      `phone tap to audience ${result.ms.median.toFixed(1)} ms median > ${REMOTE_TAP_BUDGET_MS} ms`,
    );
  return failures;
}
