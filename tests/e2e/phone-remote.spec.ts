// The phone as a second device: the laptop (audience window and console in one browser context)
// and the phone (its own context, mobile emulation with touch: no BroadcastChannel, no storage in
// common) meet only through the relay of `npm run present -- --remote`, started here in-process
// on loopback, as the command starts it with --host 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  test as base,
  devices,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { WebSocket } from 'ws';
import { startPresentServer, type PresentServer } from '../../src/node/remote/present-server.js';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';
import {
  expectDotAt as expectDotAtOn,
  PHONE_VIEWPORT,
  PhonePage,
  trackErrors,
  type Fraction,
} from './phone-page.js';

const SLIDES = TALK_SLIDES;
const DIST = resolve(process.env.DECK_DIST ?? 'dist');
const SLIDES_DIR = resolve('slides');
/** Two workers, one relay each: E2E_PORT + 2 and + 3 (4422, 4423 beside 4420). */
const RELAY_PORT = Number(process.env.E2E_PORT ?? 4319) + 2;
const BUILD = 4;
const { defaultBrowserType: _, ...IPHONE } = devices['iPhone 13'];
/** What the browser logs when a test stops the relay or changes its token under a connected page. */
const RELAY_AWAY = /WebSocket connection to .* failed|status of 403|ERR_CONNECTION_REFUSED/;

/** The relay server of one test, which the test can stop, restart, or restart with a new token. */
class Relay {
  private server: PresentServer | null = null;
  constructor(
    private readonly port: number,
    private readonly tokenFile: string,
  ) {}

  async start(newToken = false): Promise<void> {
    this.server = await startPresentServer({
      dist: DIST,
      slides: SLIDES_DIR,
      host: '127.0.0.1',
      port: this.port,
      remote: true,
      tokenFile: this.tokenFile,
      newToken,
    });
  }
  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }
  get urls() {
    return this.server!.urls;
  }
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

class Laptop {
  private readonly audienceErrors: string[];
  private readonly consoleErrors: string[];
  constructor(
    readonly audience: Page,
    readonly console_: Page,
  ) {
    this.audienceErrors = trackErrors(audience);
    this.consoleErrors = trackErrors(console_, RELAY_AWAY);
  }
  get errors(): string[] {
    return [...this.audienceErrors, ...this.consoleErrors];
  }
  static async open(context: BrowserContext, relay: Relay): Promise<Laptop> {
    const audience = await context.newPage();
    await audience.goto(relay.urls.deck);
    await expect(audience.locator('html')).toHaveAttribute('data-deck-ready', 'true');
    const console_ = await context.newPage();
    await console_.goto(relay.urls.console);
    await expect(console_.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
    return new Laptop(audience, console_);
  }
  async expectAt(index: number, step = -1): Promise<void> {
    const current = this.audience.locator('.reveal .slides > section.present');
    await expect(current).toHaveId(SLIDES[index]!.id);
    await expect(current.locator('.fragment.visible')).toHaveCount(step + 1);
    await expect(this.console_.locator('#presenter-title')).toHaveText(SLIDES[index]!.title);
  }
}

/** The HTTP status a WebSocket upgrade gets: 101 when the socket opens. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url);
    socket.on('open', () => {
      socket.close();
      done(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      done(response.statusCode ?? 0);
      response.resume();
    });
    socket.on('error', (error) => fail(error));
  });
}

async function openPhone(browser: Browser): Promise<PhonePage> {
  const context = await browser.newContext({ ...IPHONE, viewport: PHONE_VIEWPORT });
  return new PhonePage(await context.newPage(), RELAY_AWAY);
}

const test = base.extend<{ relay: Relay; laptop: Laptop; phone: PhonePage }>({
  relay: async ({}, use, testInfo) => {
    const dir = await mkdtemp(join(tmpdir(), 'phone-relay-'));
    const relay = new Relay(RELAY_PORT + testInfo.parallelIndex, join(dir, 'token'));
    await relay.start();
    await use(relay);
    await relay.stop();
    await rm(dir, { recursive: true, force: true });
  },
  laptop: async ({ context, relay }, use) => {
    const laptop = await Laptop.open(context, relay);
    await use(laptop);
    expect(laptop.errors).toEqual([]);
  },
  phone: async ({ browser }, use) => {
    const phone = await openPhone(browser);
    await use(phone);
    expect(phone.errors).toEqual([]);
    await phone.page.context().close();
  },
});

test('the phone drives the talk through the relay, and follows the laptop', async ({
  laptop,
  phone,
  relay,
}) => {
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  expect(await phone.page.evaluate(() => navigator.maxTouchPoints)).toBeGreaterThan(0);
  await phone.expectShowing(0);

  await phone.tap('next');
  await laptop.expectAt(1);
  await phone.jumpTo(BUILD);
  await laptop.expectAt(BUILD);
  await phone.tap('next');
  await laptop.expectAt(BUILD, 0);
  await phone.swipeNotes('left');
  await laptop.expectAt(BUILD, 1);
  await phone.tap('previous');
  await laptop.expectAt(BUILD, 0);

  // The laptop leads: the audience window's keys and the console's both reach the phone.
  await laptop.audience.keyboard.press('ArrowRight');
  await phone.expectShowing(BUILD, 1);
  await laptop.console_.keyboard.press('ArrowRight');
  await phone.expectShowing(BUILD, 2);
  await laptop.audience.keyboard.press('ArrowRight');
  await phone.expectShowing(BUILD + 1);
  await expect(phone.notes).toHaveText(new RegExp(`^${SLIDES[BUILD + 1]!.notes}`));

  await phone.button('blackout').tap();
  await expect(laptop.audience.locator('.reveal')).toHaveClass(/\bpaused\b/);
  expect(phone.errors).toEqual([]);
});

test('with only the deck open, as npm run present opens it (with the token), the phone drives the talk', async ({
  context,
  phone,
  relay,
}) => {
  const audience = await context.newPage();
  const errors = trackErrors(audience);
  await audience.goto(`${relay.urls.deck}?token=${relay.urls.phone.split('token=')[1]}`);
  await expect(audience.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  // The token is kept for the console, out of the room's sight.
  expect(new URL(audience.url()).searchParams.has('token')).toBe(false);
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  await phone.tap('next');
  await expect(audience.locator('.reveal .slides > section.present')).toHaveId(SLIDES[1]!.id);
  await audience.keyboard.press('ArrowRight');
  await phone.expectShowing(2);
  expect(errors).toEqual([]);
});

test('the laser pointer crosses the relay: the dot lands where the finger is, and goes on release', async ({
  laptop,
  phone,
  relay,
}) => {
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  const dot = laptop.audience.locator('.laser-pointer');
  const expectDotAt = (at: Fraction) => expectDotAtOn(laptop.audience, at);
  await phone.touchPreview({ x: 0.1, y: 0.15 });
  await expectDotAt({ x: 0.1, y: 0.15 });
  await phone.touchPreview({ x: 0.62, y: 0.48 }, 'touchMove');
  await expectDotAt({ x: 0.62, y: 0.48 });
  await phone.touchPreview({ x: 0.9, y: 0.85 }, 'touchMove');
  await expectDotAt({ x: 0.9, y: 0.85 });
  await phone.lift();
  await expect(dot).toBeHidden();
  await laptop.expectAt(0);
});

test('a missing or wrong token gets 403 and no control, and the phone is told why', async ({
  relay,
  request,
  browser,
}) => {
  const token = new URL(relay.urls.phone).searchParams.get('token')!;
  const wrong =
    `${token.slice(0, -4)}AAAA` === token ? `${token.slice(0, -4)}BBBB` : `${token.slice(0, -4)}AAAA`;

  const missing = await request.get(`${relay.origin}/?phone`);
  expect(missing.status()).toBe(403);
  expect(await missing.text()).toContain('这个地址缺少配对码');
  const bad = await request.get(`${relay.origin}/?phone&token=${wrong}`);
  expect(bad.status()).toBe(403);
  expect(await bad.text()).toContain('这个配对码已失效');
  expect((await request.get(`${relay.origin}/remote/pairing`)).status()).toBe(403);
  expect((await request.get(`${relay.origin}/remote/pairing?token=${wrong}`)).status()).toBe(403);
  // The audience never needs the token.
  expect((await request.get(relay.urls.deck)).status()).toBe(200);

  const phone = await openPhone(browser);
  const refused = await phone.page.goto(`${relay.origin}/?phone&token=${wrong}`);
  expect(refused?.status()).toBe(403);
  await expect(phone.page.getByRole('heading')).toHaveText(/无法控制演示/);
  // Nor does the relay take a socket without the token, or with a wrong one: 403 at the upgrade.
  const port = new URL(relay.origin).port;
  for (const query of ['', `?token=${wrong}`])
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/relay${query}`)).toBe(403);
  expect(await upgradeStatus(`ws://127.0.0.1:${port}/relay?token=${token}`)).toBe(101);
  await phone.page.context().close();
});

test('a phone whose token was replaced says so and controls nothing', async ({ laptop, phone, relay }) => {
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  await relay.stop();
  await relay.start(true);
  await expect(phone.relay).toHaveText('连接被拒绝');
  await expect(phone.refused).toContainText('配对码不正确或已失效');
  await expect(phone.refused).toContainText('重新扫描二维码');
  await expect(phone.button('next')).toBeDisabled();
  await expect(phone.button('blackout')).toBeDisabled();
  await laptop.expectAt(0);
});

test('the phone is back in step after the relay returns, and after a reload', async ({
  laptop,
  phone,
  relay,
}) => {
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  await phone.tap('next');
  await laptop.expectAt(1);
  // From here the phone's timers (its reconnection backoff) run only when the test moves them.
  await phone.page.clock.install({ time: Date.now() - 60_000 });
  await phone.page.clock.pauseAt(Date.now());

  await relay.stop();
  await expect(phone.relay).toHaveText('正在连接…');
  await expect(phone.button('next')).toBeDisabled();
  // The talk moves on the laptop while the phone is cut off.
  await laptop.audience.keyboard.press('ArrowRight');
  await laptop.audience.keyboard.press('ArrowRight');
  await laptop.expectAt(3);
  await relay.start();
  // Three seconds of the phone's time are enough for its backoff to find the relay again.
  await phone.page.clock.runFor(3_000);
  await expect(phone.relay).toHaveText('已连接');
  await phone.expectShowing(3);
  await phone.tap('next');
  await laptop.expectAt(4);

  // A reloaded phone asks where the talk is as soon as it is connected again.
  await laptop.audience.keyboard.press('ArrowRight');
  await phone.expectShowing(4, 0);
  await phone.page.reload();
  await phone.ready();
  await phone.page.clock.runFor(1_000);
  await phone.expectShowing(4, 0);
  await expect(phone.relay).toHaveText('已连接');
});

test('the console shows the QR code of the phone’s address; the phone view at 390×844', async ({
  laptop,
  phone,
  relay,
}, testInfo) => {
  await laptop.console_.getByRole('button', { name: /手机遥控/ }).click();
  const panel = laptop.console_.getByRole('dialog', { name: /手机遥控/ });
  await expect(panel.locator('.remote-panel-url')).toHaveText(relay.urls.phone);
  const qr = panel.getByRole('img');
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await laptop.audience.goto(`${relay.urls.deck}#/${SLIDES[BUILD]!.id}/1`);
  await phone.goto(relay.urls.phone);
  await expect(phone.relay).toHaveText('已连接');
  await phone.expectShowing(BUILD, 1);
  const shot = testInfo.outputPath('phone-remote-390x844.png');
  await phone.page.screenshot({ path: shot, scale: 'css' });
  await testInfo.attach('phone-remote-390x844', { path: shot, contentType: 'image/png' });
});
