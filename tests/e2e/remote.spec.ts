// The phone remote of `npm run present -- --remote`, on loopback only: the laptop (an audience
// window and the console, one browser context) and a phone (a second context with mobile
// emulation and touch, so no BroadcastChannel reaches it: only the relay does). Until the phone
// view exists, the phone is a console page holding the token, driven with its keys.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  devices,
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { startPresentServer, type PresentServer } from '../../src/node/remote/present-server.js';
import { PROJECT_ROOT } from '../../src/node/project-path.js';
import { wireMessage } from '../../src/shared/sync-protocol.js';
import { TALK_META, TALK_SLIDES } from '../fixtures/talk-outline.js';
import { relayClient, upgradeStatus } from '../fixtures/relay-client.js';

const DIST = resolve(process.env.DECK_DIST ?? 'dist');
const SLIDES_DIR = resolve(PROJECT_ROOT, process.env.DECK_SLIDES ?? 'slides');
/** The present server's port (one per checkout running side by side, like E2E_PORT). */
const PORT = Number(process.env.E2E_REMOTE_PORT ?? 4339);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DECK = TALK_META.title;
const LAST = TALK_SLIDES.length - 1;

// Every test starts its own server on the one port: one after another.
test.describe.configure({ mode: 'default' });

let tokenDir: string;
test.beforeEach(() => {
  tokenDir = mkdtempSync(join(tmpdir(), 'remote-spec-'));
});
test.afterEach(() => rmSync(tokenDir, { recursive: true, force: true }));

function startServer(options: { remote?: boolean } = {}): Promise<PresentServer> {
  return startPresentServer({
    dist: DIST,
    slides: SLIDES_DIR,
    host: '127.0.0.1',
    port: PORT,
    remote: options.remote ?? true,
    tokenFile: join(tokenDir, 'token'),
  });
}

/** Uncaught errors and console errors of a page. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

class Audience {
  readonly errors: string[];
  constructor(readonly page: Page) {
    this.errors = trackErrors(page);
  }
  static async open(context: BrowserContext, url = `${ORIGIN}/`): Promise<Audience> {
    const audience = new Audience(await context.newPage());
    await audience.page.goto(url);
    await expect(audience.page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
    return audience;
  }
  get current(): Locator {
    return this.page.locator('.reveal .slides > section.present');
  }
  async expectAt(index: number): Promise<void> {
    await expect(this.current).toHaveId(TALK_SLIDES[index]!.id);
  }
}

/** The console on the laptop, or standing in for the phone. */
class Console {
  readonly errors: string[];
  constructor(readonly page: Page) {
    this.errors = trackErrors(page);
  }
  static async open(context: BrowserContext, token: string): Promise<Console> {
    const console_ = new Console(await context.newPage());
    await console_.goto(token);
    return console_;
  }
  async goto(token: string): Promise<void> {
    await this.page.goto(`${ORIGIN}/?presenter&token=${token}`);
    await expect(this.page.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
  }
  get count(): Locator {
    return this.page.locator('.presenter-count');
  }
  async expectShowing(index: number): Promise<void> {
    await expect(this.page.locator('#presenter-title')).toHaveText(TALK_SLIDES[index]!.title);
    await expect(this.count).toHaveText(countText(index));
  }
}

const countText = (index: number) => new RegExp(`\\b${index + 1} / ${TALK_SLIDES.length}$`);

/** The phone: its own context, a mobile screen with touch, so it shares nothing with the laptop. */
function phoneContext(browser: Browser): Promise<BrowserContext> {
  const { defaultBrowserType: _, ...pixel } = devices['Pixel 7'];
  return browser.newContext(pixel);
}

/** A Node client of the relay on the test server. */
const relayClientWith = (token: string) => relayClient(`ws://127.0.0.1:${PORT}/relay?token=${token}`);

test('npm run present -- --remote prints the deck, console and phone addresses and a QR code; the console gets the code too', async ({
  request,
}) => {
  const tokenFile = join(tokenDir, 'token');
  const child = spawn(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'src/node/commands/present.ts',
      '--remote',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--no-open',
      '--no-build',
      '--dist',
      DIST,
      '--token-file',
      tokenFile,
    ],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    // The QR code comes last: wait for its bottom row of upper half blocks.
    const qrRows = () => out.split('\n').filter((line) => /[█▀▄]/.test(line));
    await expect.poll(() => qrRows().at(-1) ?? '', { timeout: 30_000 }).toMatch(/^[^█▄]*▀[^█▄]*$/);
    const lines = out.split('\n');
    const token = lines.find((line) => line.startsWith('phone: '))!.match(/token=([\w-]+)$/)![1]!;
    expect(lines.slice(0, 3)).toEqual([
      `deck: ${ORIGIN}/`,
      `console: ${ORIGIN}/?presenter&token=${token}`,
      `phone: ${ORIGIN}/?phone&token=${token}`,
    ]);
    // A version-3 code or larger: at least 29 modules, two per row of half blocks.
    expect(qrRows().length).toBeGreaterThanOrEqual(15);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);

    const pairing = await request.get(`${ORIGIN}/remote/pairing?token=${token}`);
    expect(pairing.status()).toBe(200);
    const body = (await pairing.json()) as { phone: string; qrSvg: string };
    expect(body.phone).toBe(`${ORIGIN}/?phone&token=${token}`);
    expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // The audience's address needs no token.
    expect((await request.get(`${ORIGIN}/`)).status()).toBe(200);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
});

test('without --remote the deck is served on loopback alone: no relay, no pairing', async ({ request }) => {
  const server = await startServer({ remote: false });
  try {
    expect(server.remote).toBeNull();
    expect(server.urls.deck).toBe(`${ORIGIN}/`);
    // No relay: an upgrade is an ordinary request for a file that is not there.
    expect(await upgradeStatus(`ws://127.0.0.1:${PORT}/relay?token=anything`)).toBe(404);
    expect((await request.get(`${ORIGIN}/remote/pairing`)).status()).toBe(404);
    expect((await request.get(`${ORIGIN}/`)).status()).toBe(200);
  } finally {
    await server.close();
  }
});

test.describe('with the relay', () => {
  let server: PresentServer;
  let token: string;
  test.beforeEach(async () => {
    server = await startServer();
    token = server.remote!.token;
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('next, previous and jumps on the phone move the audience and the console; the laptop moves the phone', async ({
    context,
    browser,
  }) => {
    const audience = await Audience.open(context);
    const laptop = await Console.open(context, token);
    const phone = await Console.open(await phoneContext(browser), token);
    await phone.expectShowing(0);

    await phone.page.keyboard.press('ArrowRight');
    await phone.page.keyboard.press('ArrowRight');
    await audience.expectAt(2);
    await laptop.expectShowing(2);
    await phone.page.keyboard.press('ArrowLeft');
    await audience.expectAt(1);
    await phone.page.keyboard.press('End');
    await audience.expectAt(LAST);
    await laptop.expectShowing(LAST);

    // The other way: the audience window and the laptop's console move the phone.
    await audience.page.keyboard.press('Home');
    await phone.expectShowing(0);
    await laptop.page.keyboard.press('ArrowRight');
    await phone.expectShowing(1);
    await audience.expectAt(1);
    // The phone shows the notes of the slide the talk is on.
    await expect(phone.page.locator('.presenter-notes-text')).toContainText(TALK_SLIDES[1]!.notes);

    // Blackout from the phone.
    await phone.page.keyboard.press('b');
    await expect(audience.page.locator('.reveal')).toHaveClass(/\bpaused\b/);
    await phone.page.keyboard.press('b');
    await expect(audience.page.locator('.reveal')).not.toHaveClass(/\bpaused\b/);

    // The token the laptop opened the deck with stays out of the audience's address bar.
    const opened = await Audience.open(context, `${ORIGIN}/?token=${token}`);
    await expect(opened.page).toHaveURL(`${ORIGIN}/#/${TALK_SLIDES[1]!.id}`);
    for (const page of [audience, laptop, phone, opened]) expect(page.errors).toEqual([]);
  });

  test('two consoles on the laptop bridge the phone without passing messages to and fro', async ({
    context,
    browser,
  }) => {
    const audience = await Audience.open(context);
    await Console.open(context, token);
    await Console.open(context, token);
    const phone = await Console.open(await phoneContext(browser), token);
    await expect.poll(() => server.remote!.relay.size).toBe(3);
    for (let h = 1; h <= 3; h++) {
      const before = server.remote!.relay.counts.relayed;
      await phone.page.keyboard.press('ArrowRight');
      await audience.expectAt(h);
      await phone.expectShowing(h);
      // A move, its re-posts and the answers: a handful of messages. A loop would be thousands.
      await expect.poll(() => server.remote!.relay.counts.relayed - before).toBeGreaterThan(0);
      expect(server.remote!.relay.counts.relayed - before).toBeLessThan(30);
    }
    // A last exchange after the moves: if messages were circling, the count would have run on.
    const settled = server.remote!.relay.counts.relayed;
    const probe = await relayClientWith(token);
    probe.send(wireMessage({ type: 'hello' }, 'probe', 'phone', DECK));
    await expect.poll(() => probe.received.length).toBeGreaterThanOrEqual(3);
    expect(server.remote!.relay.counts.relayed - settled).toBeLessThan(30);
    expect(server.remote!.relay.counts.limited).toBe(0);
    expect(server.remote!.relay.size).toBe(4);
    probe.ws.close();
  });

  test('a missing or wrong token is refused: 403 on every endpoint and no control', async ({
    request,
    context,
    browser,
  }) => {
    const wrong = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const suffix of ['', '&token=', `&token=${wrong}`]) {
      const page = await request.get(`${ORIGIN}/?phone${suffix}`);
      expect(page.status()).toBe(403);
      const text = await page.text();
      expect(text).toContain('二维码');
      expect(text).toContain('QR code');
      expect((await request.get(`${ORIGIN}/remote/pairing?x=1${suffix}`)).status()).toBe(403);
      expect(await upgradeStatus(`ws://127.0.0.1:${PORT}/relay?x=1${suffix}`)).toBe(403);
    }
    expect((await request.get(`${ORIGIN}/?phone&token=${token}`)).status()).toBe(200);

    const audience = await Audience.open(context);
    await Console.open(context, token);
    await expect.poll(() => server.remote!.relay.size).toBe(1);
    // A console holding a wrong token: its moves go nowhere beyond its own browser.
    const intruder = await Console.open(await phoneContext(browser), wrong);
    await intruder.page.keyboard.press('End');
    await intruder.expectShowing(LAST);
    // The page asked the pairing endpoint why the relay refused it (a browser cannot see the 403).
    await intruder.page.waitForResponse((r) => r.url().includes('/remote/pairing') && r.status() === 403);
    expect(server.remote!.relay.size).toBe(1);
    // A hello through the relay: the laptop answers with where the talk really is.
    const probe = await relayClientWith(token);
    probe.send(wireMessage({ type: 'hello' }, 'probe', 'phone', DECK));
    await expect
      .poll(() => probe.received.filter((m) => (m as { role?: string }).role === 'audience').length)
      .toBeGreaterThan(0);
    const answer = probe.received.find((m) => (m as { role?: string }).role === 'audience') as {
      state: { h: number };
    };
    expect(answer.state.h).toBe(0);
    await audience.expectAt(0);
    probe.ws.close();
  });

  test('a flood of 1,000 messages, valid and malformed, leaves the audience responsive and errors nowhere', async ({
    context,
  }) => {
    const audience = await Audience.open(context);
    const laptop = await Console.open(context, token);
    await expect.poll(() => server.remote!.relay.size).toBe(1);
    const flooder = await relayClientWith(token);
    const target = 2;
    const malformed = [
      { junk: true },
      wireMessage({ type: 'hello' }, 'flood', 'phone', 'another talk'),
      { ...wireMessage({ type: 'hello' }, 'flood', 'phone', DECK), role: 'admin' },
      wireMessage(
        {
          type: 'state',
          state: { h: -1, f: -1, overview: false, paused: false },
          stamp: { time: 9e12, by: 'x' },
        },
        'flood',
        'phone',
        DECK,
      ),
      wireMessage({ type: 'pointer', at: { x: 2, y: 0.5 } }, 'flood', 'phone', DECK),
    ];
    // Stamped now, not ahead of the clock: a stamp in the future would outrank the key press below.
    const floodTime = Date.now();
    for (let i = 0; i < 1000; i++) {
      if (i % 2 === 0) flooder.send(malformed[(i / 2) % malformed.length]);
      else if (i % 3 === 0)
        flooder.send(wireMessage({ type: 'pointer', at: { x: 0.5, y: 0.5 } }, 'flood', 'phone', DECK));
      else
        flooder.send(
          wireMessage(
            {
              type: 'state',
              state: { h: target, f: -1, overview: false, paused: false },
              stamp: { time: floodTime, by: 'flood' },
            },
            'flood',
            'phone',
            DECK,
          ),
        );
    }
    // The relay holds the flooder to its rate and then shows it the door.
    expect(await flooder.closed).toBe(1008);
    expect(server.remote!.relay.counts.limited).toBeGreaterThan(0);
    await audience.expectAt(target);
    // Still responsive: a key press moves it, and the console follows.
    await audience.page.keyboard.press('ArrowRight');
    await audience.expectAt(target + 1);
    await laptop.expectShowing(target + 1);
    await expect(audience.page.locator('.reveal')).not.toHaveClass(/\bpaused\b/);
    expect(audience.errors).toEqual([]);
    expect(laptop.errors).toEqual([]);
  });

  test('malformed messages through the relay are ignored', async ({ context }) => {
    const audience = await Audience.open(context);
    const laptop = await Console.open(context, token);
    await expect.poll(() => server.remote!.relay.size).toBe(1);
    const client = await relayClientWith(token);
    const valid = wireMessage(
      {
        type: 'state',
        state: { h: 5, f: -1, overview: false, paused: true },
        stamp: { time: 9e12, by: 'z' },
      },
      'client',
      'phone',
      DECK,
    );
    const before = server.remote!.relay.counts.malformed;
    const bad = [
      { ...valid, deck: 'another talk' },
      { ...valid, v: 2 },
      { ...valid, role: 'admin' },
      { ...valid, from: '' },
      { ...valid, state: { h: 5, f: 0.5, overview: false, paused: true } },
      { ...valid, state: { h: '5', f: -1, overview: false, paused: true } },
      { ...valid, stamp: { time: Number.POSITIVE_INFINITY, by: 'z' } },
      { ...valid, type: 'navigate' },
      [valid],
    ];
    for (const data of bad) client.send(data);
    client.ws.send('{"app": "deck-sync", not json');
    // Then a hello: whoever answers has handled everything sent before it.
    client.send(wireMessage({ type: 'hello' }, 'client', 'phone', DECK));
    await expect
      .poll(() => client.received.filter((m) => (m as { role?: string }).role === 'audience').length)
      .toBeGreaterThan(0);
    expect(server.remote!.relay.counts.malformed - before).toBe(bad.length + 1);
    await audience.expectAt(0);
    await expect(audience.page.locator('.reveal')).not.toHaveClass(/\bpaused\b/);
    await laptop.expectShowing(0);
    expect(audience.errors).toEqual([]);
    expect(laptop.errors).toEqual([]);
    client.ws.close();
  });

  test('after a relay restart the phone is back in step within 3 s; after a reload within 1 s', async ({
    context,
    browser,
  }) => {
    const audience = await Audience.open(context);
    const laptop = await Console.open(context, token);
    const phone = await Console.open(await phoneContext(browser), token);
    await expect.poll(() => server.remote!.relay.size).toBe(2);

    // The relay goes away; the laptop goes on alone.
    await server.close();
    await audience.page.keyboard.press('ArrowRight');
    await audience.page.keyboard.press('ArrowRight');
    await laptop.expectShowing(2);
    await phone.expectShowing(0);
    // The phone notes the moment it shows slide 3, by its own clock (the same machine's).
    await phone.page.evaluate((text) => {
      const count = document.querySelector('.presenter-count')!;
      new MutationObserver(() => {
        if (count.textContent?.endsWith(text)) (window as { inStepAt?: number }).inStepAt ??= Date.now();
      }).observe(count, { childList: true, characterData: true, subtree: true });
    }, `3 / ${TALK_SLIDES.length}`);
    server = await startServer();
    const restartedAt = Date.now();
    await phone.expectShowing(2);
    const back = (await phone.page.evaluate(() => (window as { inStepAt?: number }).inStepAt))! - restartedAt;
    console.log(`relay restart → phone in step: ${back} ms`);
    expect(back).toBeLessThanOrEqual(3000);

    // A reload: the laptop moves while the phone is away, and the phone comes back to where the talk is.
    await phone.page.goto('about:blank');
    await audience.page.keyboard.press('ArrowRight');
    await laptop.expectShowing(3);
    // The reloaded page notes, by its own clock, when it first shows slide 4.
    await phone.page.addInitScript((text) => {
      const watch = () => {
        if (document.querySelector('.presenter-count')?.textContent?.endsWith(text))
          (window as { inStepAt?: number }).inStepAt = performance.now();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    }, `4 / ${TALK_SLIDES.length}`);
    await phone.goto(token);
    await phone.expectShowing(3);
    // By the page's own clock: from its first call to the relay to showing the slide the talk is
    // on. (Before that call the page is loading its script, which a busy machine slows down.)
    const reload = await phone.page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const connect = performance.getEntriesByName('deck-relay-connect')[0]!.startTime;
      const shown = (window as { inStepAt?: number }).inStepAt!;
      return { fromConnect: shown - connect, fromArrival: shown - navigation.responseEnd };
    });
    console.log(
      `phone reload → in step: ${Math.round(reload.fromConnect)} ms after asking the relay, ${Math.round(reload.fromArrival)} ms after the page arrived`,
    );
    expect(reload.fromConnect).toBeLessThanOrEqual(1000);
    // While the relay was away, the browser said each failed attempt in the console; nothing else.
    const outage = /WebSocket connection to .* failed|ERR_CONNECTION_REFUSED/;
    for (const page of [audience, laptop, phone])
      expect(page.errors.filter((e) => !outage.test(e))).toEqual([]);
  });
});
