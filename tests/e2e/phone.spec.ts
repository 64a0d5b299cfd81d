// The phone remote (?phone) beside the laptop's audience window and console. Here all three share
// one browser context with touch, the phone at 390×844, so they meet over BroadcastChannel; the
// relay between two devices is tested in phone-remote.spec.ts.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';
import { expectDotAt, PHONE_VIEWPORT, PhonePage, trackErrors, type Fraction } from './phone-page.js';

const SLIDES = TALK_SLIDES;
/** The first slide with build steps (chatgpt-engineering, slide 5), and how many it has. */
const BUILD = 4;
const BUILD_STEPS = 3;

function notesOf(index: number): RegExp {
  return new RegExp(`^${SLIDES[index]!.notes.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

class Audience {
  readonly errors: string[];
  constructor(readonly page: Page) {
    this.errors = trackErrors(page);
  }
  async goto(hash = ''): Promise<void> {
    await this.page.goto(hash ? `./#/${hash}` : './');
    await expect(this.page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  }
  get reveal(): Locator {
    return this.page.locator('.reveal');
  }
  get slides(): Locator {
    return this.page.locator('.reveal .slides');
  }
  get dot(): Locator {
    return this.page.locator('.laser-pointer');
  }
  async expectAt(index: number, step = -1): Promise<void> {
    const current = this.page.locator('.reveal .slides > section.present');
    await expect(current).toHaveId(SLIDES[index]!.id);
    await expect(current.locator('.fragment.visible')).toHaveCount(step + 1);
  }
  /** Waits until the laser dot shows within 2% of `at` on the slide. */
  async expectDotAt(at: Fraction): Promise<void> {
    await expectDotAt(this.page, at);
  }
}

const test = base.extend<{ audience: Audience; phone: PhonePage }>({
  hasTouch: true,
  isMobile: true,
  audience: async ({ page }, use) => {
    const audience = new Audience(page);
    await audience.goto();
    await use(audience);
    expect(audience.errors).toEqual([]);
  },
  phone: async ({ context }, use) => {
    const phone = new PhonePage(await context.newPage());
    await use(phone);
    expect(phone.errors).toEqual([]);
  },
});

test.describe('the phone follows the talk', () => {
  test('shows the audience’s slide, build step and notes, and follows moves made on the laptop', async ({
    audience,
    phone,
  }) => {
    await audience.goto(`${SLIDES[BUILD]!.id}/1`);
    await phone.goto();
    await phone.expectShowing(BUILD, 1);
    await expect(phone.notes).toHaveText(notesOf(BUILD));
    await expect(phone.relay).toBeHidden();

    await audience.page.keyboard.press('ArrowRight');
    await phone.expectShowing(BUILD, 2);
    await audience.page.keyboard.press('ArrowRight');
    await phone.expectShowing(BUILD + 1);
    await expect(phone.notes).toHaveText(notesOf(BUILD + 1));
    await audience.page.keyboard.press('Home');
    await phone.expectShowing(0);
    await expect(phone.notes).toHaveText(notesOf(0));
  });

  test('a reloaded phone is back in step as soon as it loads', async ({ audience, phone }) => {
    await phone.goto();
    for (let i = 0; i < BUILD + 2; i++) await audience.page.keyboard.press('ArrowRight');
    await phone.expectShowing(BUILD, 1);
    await phone.page.reload();
    await phone.ready();
    await phone.expectShowing(BUILD, 1);
  });
});

test.describe('the phone drives the talk', () => {
  test('next and the slide list move the audience and the console, build step by build step', async ({
    audience,
    phone,
    context,
  }) => {
    const console_ = await context.newPage();
    const consoleErrors = trackErrors(console_);
    await console_.goto('./?presenter');
    await expect(console_.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
    const consoleTitle = console_.locator('#presenter-title');
    await phone.goto();

    await phone.tap('next');
    await audience.expectAt(1);
    await phone.expectShowing(1);
    await expect(consoleTitle).toHaveText(SLIDES[1]!.title);

    await phone.jumpTo(BUILD);
    await audience.expectAt(BUILD);
    await phone.expectShowing(BUILD);
    await expect(consoleTitle).toHaveText(SLIDES[BUILD]!.title);
    await expect(phone.notes).toHaveText(notesOf(BUILD));

    // Build steps one at a time, as the console's → does.
    for (let step = 0; step < BUILD_STEPS; step++) {
      await phone.tap('next');
      await audience.expectAt(BUILD, step);
      await phone.expectShowing(BUILD, step);
    }
    await expect(console_.locator('.presenter-steps')).toHaveText(`步骤 ${BUILD_STEPS} / ${BUILD_STEPS}`);
    expect(consoleErrors).toEqual([]);
  });

  test('swipes on the notes and previous move the audience back and forth', async ({ audience, phone }) => {
    await audience.goto(`${SLIDES[BUILD]!.id}/${BUILD_STEPS - 1}`);
    await phone.goto();
    await phone.expectShowing(BUILD, BUILD_STEPS - 1);
    // Swipe left on the notes: forward; right: back (and never the browser's history back).
    await phone.swipeNotes('left');
    await audience.expectAt(BUILD + 1);
    await phone.swipeNotes('right');
    await audience.expectAt(BUILD, BUILD_STEPS - 1);
    await expect(phone.page).toHaveURL(/\?phone$/);
    await phone.tap('previous');
    await audience.expectAt(BUILD, BUILD_STEPS - 2);
    await phone.expectShowing(BUILD, BUILD_STEPS - 2);
  });

  test('blackout from the phone, and back from the laptop', async ({ audience, phone }) => {
    await phone.goto();
    const blackout = phone.button('blackout');
    await blackout.tap();
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
    await expect(blackout).toHaveAttribute('aria-pressed', 'true');
    await audience.page.keyboard.press('b');
    await expect(blackout).toHaveAttribute('aria-pressed', 'false');
    await blackout.tap();
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
    await blackout.tap();
    await expect(audience.reveal).not.toHaveClass(/\bpaused\b/);
  });
});

test.describe('the laser pointer', () => {
  test('a finger on the phone’s preview puts a dot at the same place on the audience screen, gone on release', async ({
    audience,
    phone,
  }) => {
    await audience.goto(SLIDES[BUILD]!.id);
    await phone.goto();
    await phone.expectShowing(BUILD);
    await expect(audience.dot).toBeHidden();

    const path: Fraction[] = [
      { x: 0.2, y: 0.3 },
      { x: 0.5, y: 0.5 },
      { x: 0.83, y: 0.71 },
    ];
    await phone.touchPreview(path[0]!);
    await audience.expectDotAt(path[0]!);
    for (const at of path.slice(1)) {
      await phone.touchPreview(at, 'touchMove');
      await audience.expectDotAt(at);
    }
    // The finger is drawing, not scrolling or turning pages.
    await audience.expectAt(BUILD);
    await phone.lift();
    await expect(audience.dot).toBeHidden();
  });

  test('a finger held still keeps its dot; a dot whose release never arrives goes away by itself', async ({
    audience,
    phone,
  }) => {
    await phone.goto();
    await phone.expectShowing(0);
    // Both pages run on the test's clock. The phone's heartbeat must be on it too: on the phone's
    // own clock, a burst of the audience's virtual seconds outran the heartbeats (1 run in 4 failed).
    await phone.page.clock.install();
    await audience.page.clock.install({ time: Date.now() - 60_000 });
    await audience.page.clock.pauseAt(Date.now());
    // The "lifted" message is lost on the way: the phone's page stops sending it. It also notes
    // the channel's name, for the audience to listen on beside the deck.
    await phone.page.evaluate(() => {
      const post = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'postMessage')!.value as (
        this: BroadcastChannel,
        data: unknown,
      ) => void;
      BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, data: unknown) {
        const message = data as { type?: string; at?: unknown };
        (window as { channelName?: string }).channelName = this.name;
        if (message.type !== 'pointer' || message.at !== null) post.call(this, data);
      };
    });
    await phone.touchPreview({ x: 0.5, y: 0.5 });
    await audience.expectDotAt({ x: 0.5, y: 0.5 });
    await phone.page.clock.pauseAt(Date.now() + 100);
    // Pointer messages heard by a listener the audience page opened after the deck's own: a
    // channel gets a message before any channel of its page opened later, so the deck has it too.
    const name = await phone.page.evaluate(() => (window as { channelName?: string }).channelName!);
    await audience.page.evaluate((name) => {
      const heard = { count: 0 };
      (window as { heard?: typeof heard }).heard = heard;
      new BroadcastChannel(name).onmessage = (event: MessageEvent<{ type?: string; at?: unknown }>) => {
        if (event.data.type === 'pointer' && event.data.at) heard.count++;
      };
    }, name);
    const heard = () => audience.page.evaluate(() => (window as { heard?: { count: number } }).heard!.count);
    // A finger held still keeps its dot, however long it stays: five seconds of heartbeats.
    for (let second = 1; second <= 5; second++) {
      const before = await heard();
      await phone.page.clock.runFor(1_000);
      await expect.poll(heard, { message: `heartbeat ${second} heard` }).toBeGreaterThan(before);
      await audience.page.clock.runFor(1_000);
      await audience.expectDotAt({ x: 0.5, y: 0.5 });
    }
    // Lifted, but the audience never hears it: the dot stays a moment, then goes by itself.
    await phone.lift();
    await audience.page.clock.runFor(500);
    await expect(audience.dot).toBeVisible();
    await audience.page.clock.runFor(2_000);
    await expect(audience.dot).toBeHidden();
  });

  test('the console points with the mouse held down on its current slide', async ({ audience, context }) => {
    const console_ = await context.newPage();
    await console_.goto('./?presenter');
    await expect(console_.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
    const frame = (await console_.locator('.presenter-current-preview .slide-preview-stage').boundingBox())!;
    const point = (at: Fraction) => [frame.x + at.x * frame.width, frame.y + at.y * frame.height] as const;

    // Moving over the preview without the button held points at nothing.
    await console_.mouse.move(...point({ x: 0.4, y: 0.4 }));
    await console_.mouse.down();
    await audience.expectDotAt({ x: 0.4, y: 0.4 });
    await console_.mouse.move(...point({ x: 0.7, y: 0.25 }), { steps: 4 });
    await audience.expectDotAt({ x: 0.7, y: 0.25 });
    await console_.mouse.up();
    await expect(audience.dot).toBeHidden();
    await console_.mouse.move(...point({ x: 0.3, y: 0.6 }));
    await expect(audience.dot).toBeHidden();
  });
});

test.describe('the phone for the presenter', () => {
  test('notes can be enlarged and shrunk, and the size is kept', async ({ phone }) => {
    await phone.goto();
    const size = () => phone.notes.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const initial = await size();
    expect(initial).toBeGreaterThanOrEqual(16);
    await phone.tap('notesLarger');
    await phone.tap('notesLarger');
    await expect.poll(size).toBeGreaterThan(initial);
    const larger = await size();
    await phone.tap('notesSmaller');
    await expect.poll(size).toBeLessThan(larger);
    await expect.poll(size).toBeGreaterThan(initial);
    const kept = await size();
    await phone.page.reload();
    await phone.ready();
    await expect.poll(size).toBe(kept);
  });

  test('the clock counts the talk, pauses, and pacing compares it with the plan', async ({
    audience,
    phone,
  }) => {
    // Time stands still from before the phone loads: its clock starts at exactly this moment.
    const at = Date.now();
    await phone.page.clock.install({ time: at - 60_000 });
    await phone.page.clock.pauseAt(at);
    await phone.goto();
    await expect(phone.clock).toHaveText('00:00');
    await expect(phone.pacing).toHaveAttribute('data-status', 'on-track');
    await expect(phone.pacing).toHaveText('按计划');

    // The title slide is planned for 70 s.
    await phone.page.clock.fastForward(100_000);
    await expect(phone.clock).toHaveText('01:40');
    await expect(phone.pacing).toHaveAttribute('data-status', 'behind');
    await expect(phone.pacing).toHaveText('落后 00:30');

    await phone.tap('timer');
    await expect(phone.pacing).toHaveAttribute('data-status', 'paused');
    await phone.page.clock.fastForward(60_000);
    await expect(phone.clock).toHaveText('01:40');
    await phone.tap('timer');

    // A reload keeps counting the same talk.
    await phone.page.reload();
    await phone.ready();
    await phone.page.clock.runFor(2_000);
    await expect(phone.clock).toHaveText('01:42');
    await phone.tap('next');
    await audience.expectAt(1);
    await expect(phone.pacing).toHaveAttribute('data-status', 'on-track');
  });

  test('a phone-sized page: thumb-sized buttons, nothing off screen, no axe violations; screenshot', async ({
    audience,
    phone,
  }, testInfo) => {
    await audience.goto(`${SLIDES[BUILD]!.id}/1`);
    await phone.goto();
    await phone.expectShowing(BUILD, 1);
    expect(phone.page.viewportSize()).toEqual(PHONE_VIEWPORT);

    const buttons = phone.page.locator('.phone-view button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(7);
    for (const button of await buttons.all()) {
      const box = (await button.boundingBox())!;
      const name = await button.textContent();
      expect(box.height, `${name} height`).toBeGreaterThanOrEqual(48);
      expect(box.width, `${name} width`).toBeGreaterThanOrEqual(48);
      expect(box.x, `${name} left`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(PHONE_VIEWPORT.height);
    }
    // Previous and next are the big ones, under the thumb.
    for (const action of ['previous', 'next']) {
      const box = (await phone.button(action).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(80);
      expect(box.y).toBeGreaterThan(PHONE_VIEWPORT.height * 0.75);
    }
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE_VIEWPORT.width);

    const axe = await new AxeBuilder({ page: phone.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    const shot = testInfo.outputPath('phone-390x844.png');
    await phone.page.screenshot({ path: shot });
    await testInfo.attach('phone-390x844', { path: shot, contentType: 'image/png' });
    await phone.page.getByRole('button', { name: '幻灯片列表' }).tap();
    const listShot = testInfo.outputPath('phone-slide-list-390x844.png');
    await phone.page.screenshot({ path: listShot });
    await testInfo.attach('phone-slide-list-390x844', { path: listShot, contentType: 'image/png' });
    await expect(
      phone.page
        .getByRole('dialog', { name: '幻灯片列表' })
        .getByRole('button', { name: SLIDES[BUILD]!.title }),
    ).toHaveAttribute('aria-current', 'true');
  });
});

test.describe('pairing', () => {
  test('without a relay the console’s phone-remote panel says how to start one', async ({ context }) => {
    const console_ = await context.newPage();
    await console_.goto('./?presenter');
    await console_.getByRole('button', { name: /手机遥控/ }).click();
    const panel = console_.getByRole('dialog', { name: /手机遥控/ });
    await expect(panel).toContainText('npm run present -- --remote');
    await expect(panel.locator('img')).toHaveCount(0);
    // Keys pressed while it is open move nothing: after it closes, one → is the second slide.
    for (const key of ['ArrowRight', 'ArrowRight', 'End']) await console_.keyboard.press(key);
    await panel.getByRole('button', { name: /关闭/ }).click();
    await expect(panel).toBeHidden();
    await console_.keyboard.press('ArrowRight');
    await expect(console_.locator('.presenter-count')).toHaveText(new RegExp(`\\b2 / ${SLIDES.length}$`));
  });
});
