// The presenter console with its audience windows, all in one browser context as on the
// presenter's laptop: sync both ways, reloads, freeze, notes, clock, pacing, rehearsal, bad input.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { TALK_META, TALK_SLIDES, type TalkSlide } from '../fixtures/talk-outline.js';
import { DeckPage } from './deck-page.js';

const SLIDES = TALK_SLIDES;
const DIST = resolve(process.env.DECK_DIST ?? 'dist');
const CHANNEL = `deck-sync:${TALK_META.title}`;
/** The first slide with build steps (chatgpt-engineering, slide 5), and how many it has. */
const BUILD = 4;
const BUILD_STEPS = 3;

/** Notes that open with the words the talk fixture gives for `slide`. */
function notesOf(slide: TalkSlide): RegExp {
  return new RegExp(`^${slide.notes.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * Puts every page of the context on Playwright's clock, standing still at `at`: from then on time
 * moves only when a test moves it (`fastForward`, `runFor`), however busy the machine. install()
 * starts a clock that runs in real time; pausing it a minute ahead of where it started leaves it
 * at exactly `at`, however long the two calls took. Open audience windows before: a stopped clock
 * would hold reveal.js, which finishes starting on a timer.
 */
async function stopClock(page: Page, at: number): Promise<void> {
  await page.clock.install({ time: at - 60_000 });
  await page.clock.pauseAt(at);
}

/** Collects uncaught errors of a page, to assert there were none. */
function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** An audience window: the reveal.js deck. */
class AudienceWindow {
  readonly errors: string[];
  constructor(readonly page: Page) {
    this.errors = trackErrors(page);
  }

  /** Opens the deck (optionally on `hash`, e.g. `chatgpt/1`) and waits until it is ready. */
  async goto(hash = '', base = './'): Promise<void> {
    await this.page.goto(hash ? `${base}#/${hash}` : base);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  }

  get reveal(): Locator {
    return this.page.locator('.reveal');
  }

  get current(): Locator {
    return this.page.locator('.reveal .slides > section.present');
  }

  /** Waits until slide `index` shows with build steps 0..step visible. */
  async expectAt(index: number, step = -1): Promise<void> {
    await expect(this.current).toHaveId(SLIDES[index]!.id);
    await expect(this.current.locator('.fragment.visible')).toHaveCount(step + 1);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
}

/** The presenter console. */
class ConsoleWindow {
  readonly errors: string[];
  constructor(readonly page: Page) {
    this.errors = trackErrors(page);
  }

  /**
   * Opens a console in `context`. With `clockAt`, the context's clock is stopped at that time
   * (see stopClock) before the console loads: its talk clock starts at exactly that moment.
   */
  static async open(
    context: BrowserContext,
    options: { clockAt?: number; url?: string } = {},
  ): Promise<ConsoleWindow> {
    const page = await context.newPage();
    const console_ = new ConsoleWindow(page);
    if (options.clockAt !== undefined) await stopClock(page, options.clockAt);
    await page.goto(options.url ?? './?presenter');
    await console_.ready();
    return console_;
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-presenter-ready', 'true');
  }

  get title(): Locator {
    return this.page.locator('#presenter-title');
  }
  get notes(): Locator {
    return this.page.locator('.presenter-notes-text');
  }
  get clock(): Locator {
    return this.page.locator('.presenter-clock');
  }
  get pacing(): Locator {
    return this.page.locator('.presenter-pacing');
  }
  get count(): Locator {
    return this.page.locator('.presenter-count');
  }
  get alone(): Locator {
    return this.page.locator('.presenter-alone');
  }
  get frozenBanner(): Locator {
    return this.page.locator('.presenter-frozen');
  }
  pill(state: 'frozen' | 'paused' | 'overview' | 'rehearsing'): Locator {
    return this.page.locator(`.presenter-states [data-state="${state}"]`);
  }
  button(action: string): Locator {
    return this.page.locator(`button[data-action="${action}"]`);
  }

  /** Waits until the console shows slide `index` at build step `step`, in its title, counter and preview. */
  async expectShowing(index: number, step = -1): Promise<void> {
    const slide = SLIDES[index]!;
    await expect(this.title).toHaveText(slide.title);
    await expect(this.count).toHaveText(new RegExp(`\\b${index + 1} / ${SLIDES.length}$`));
    await expect(this.page.locator('.presenter-current-preview .fragment.visible')).toHaveCount(step + 1);
    await expect(this.page.locator('.presenter-current-preview .fragment')).toHaveCount(slide.steps);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Presses → `times` times. */
  async forward(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.press('ArrowRight');
  }
}

const test = base.extend<{ audience: AudienceWindow }>({
  audience: async ({ page }, use) => {
    const audience = new AudienceWindow(page);
    await audience.goto();
    await use(audience);
    expect(audience.errors).toEqual([]);
  },
});

test.describe('opening the console', () => {
  test('S opens the console in its own window, on the audience’s slide and build step', async ({
    audience,
    context,
  }) => {
    await audience.goto(`${SLIDES[BUILD]!.id}/1`);
    await audience.expectAt(BUILD, 1);
    const opened = context.waitForEvent('page');
    await audience.press('s');
    const console_ = new ConsoleWindow(await opened);
    await expect(console_.page).toHaveURL(/\?presenter$/);
    await console_.ready();
    await console_.expectShowing(BUILD, 1);
    await expect(console_.page.locator('.presenter-steps')).toHaveText(`步骤 2 / ${BUILD_STEPS}`);
    // Next: the next build step of the same slide.
    await expect(console_.page.locator('#presenter-next-label')).toContainText('下一步');
    await expect(console_.page.locator('.presenter-next-preview .fragment.visible')).toHaveCount(3);
    await expect(console_.notes).toHaveText(notesOf(SLIDES[BUILD]!));
    await expect(console_.page.locator('.presenter-audiences')).toHaveText('观众窗口 1');
    await expect(console_.alone).toBeHidden();
    expect(console_.errors).toEqual([]);
  });

  test('when the browser blocks the window, S says how to open the console', async ({ page, context }) => {
    await page.addInitScript(() => {
      window.open = () => null;
    });
    const audience = new AudienceWindow(page);
    await audience.goto();
    await audience.press('s');
    const notice = page.getByRole('alertdialog');
    await expect(notice).toContainText('浏览器阻止了弹出窗口');
    await expect(notice.locator('code')).toHaveText(/\?presenter$/);
    const link = notice.getByRole('link', { name: '在新标签页中打开演讲者控制台' });
    const opened = context.waitForEvent('page');
    await link.click();
    const console_ = new ConsoleWindow(await opened);
    await console_.ready();
    await console_.expectShowing(0);
    await expect(notice).toBeHidden();
  });

  test('a console with no audience window says so, works alone, and is followed by the next audience window', async ({
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    await expect(console_.alone).toBeVisible();
    await expect(console_.alone).toContainText('没有观众窗口');
    await console_.forward(2);
    await console_.expectShowing(2);
    await expect(console_.notes).toHaveText(notesOf(SLIDES[2]!));

    const audience = new AudienceWindow(await context.newPage());
    await audience.goto();
    await audience.expectAt(2);
    await expect(console_.alone).toBeHidden();
    expect(console_.errors).toEqual([]);
  });
});

test.describe('sync between the console and the audience windows', () => {
  test('moving in the console moves every audience window, build step by build step', async ({
    audience,
    context,
  }) => {
    const second = new AudienceWindow(await context.newPage());
    await second.goto();
    const console_ = await ConsoleWindow.open(context);
    await expect(console_.page.locator('.presenter-audiences')).toHaveText('观众窗口 2');

    await console_.forward(BUILD);
    await console_.expectShowing(BUILD);
    for (const window of [audience, second]) await window.expectAt(BUILD);
    for (let step = 0; step < BUILD_STEPS; step++) {
      await console_.press('ArrowRight');
      await console_.expectShowing(BUILD, step);
      for (const window of [audience, second]) await window.expectAt(BUILD, step);
    }
    await console_.press('ArrowRight');
    for (const window of [audience, second]) await window.expectAt(BUILD + 1);
    // Back: the previous slide comes back with all its build steps, as reveal.js does it.
    await console_.press('ArrowLeft');
    await console_.expectShowing(BUILD, BUILD_STEPS - 1);
    for (const window of [audience, second]) await window.expectAt(BUILD, BUILD_STEPS - 1);
    // The buttons do the same as the keys.
    await console_.button('previous').click();
    await audience.expectAt(BUILD, BUILD_STEPS - 2);
    expect(console_.errors).toEqual([]);
  });

  test('moving in an audience window moves the console and the other audience windows', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    const second = new AudienceWindow(await context.newPage());
    await second.goto();
    for (let i = 0; i < BUILD; i++) await audience.press('ArrowRight');
    await console_.expectShowing(BUILD);
    await audience.press('ArrowRight');
    await audience.press('ArrowRight');
    await audience.expectAt(BUILD, 1);
    await console_.expectShowing(BUILD, 1);
    await second.expectAt(BUILD, 1);
    await expect(console_.notes).toHaveText(notesOf(SLIDES[BUILD]!));
    await second.press('ArrowLeft');
    await console_.expectShowing(BUILD, 0);
    await audience.expectAt(BUILD, 0);
  });

  test('overview and blackout follow in both directions', async ({ audience, context }) => {
    const console_ = await ConsoleWindow.open(context);
    await audience.press('o');
    await expect(console_.pill('overview')).toBeVisible();
    await expect(console_.button('overview')).toHaveAttribute('aria-pressed', 'true');
    await console_.press('o');
    await expect(audience.reveal).not.toHaveClass(/\boverview\b/);
    await expect(console_.pill('overview')).toBeHidden();

    await console_.press('b');
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
    await expect(console_.pill('paused')).toBeVisible();
    await audience.press('b');
    await expect(console_.pill('paused')).toBeHidden();
    await console_.button('blackout').click();
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
  });

  // Back in step through the console's answer to the window's hello (nothing polls), on any machine:
  // no real-time bound, which a busy machine can miss.
  test('a reloaded audience window, or a new one, is back in step as soon as it loads', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    await console_.forward(BUILD + 2);
    await console_.press('b');
    await audience.expectAt(BUILD, 1);
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);

    await audience.page.reload();
    // Blackout is not in the URL: only the answer to the reloaded window's hello can restore it.
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
    await audience.expectAt(BUILD, 1);

    // A new window opens on the first slide (no hash): its place comes from the answer too.
    const late = new AudienceWindow(await context.newPage());
    await late.page.goto('./');
    await expect(late.reveal).toHaveClass(/\bpaused\b/);
    await late.expectAt(BUILD, 1);
    await console_.press('b');
    await expect(late.reveal).not.toHaveClass(/\bpaused\b/);
  });

  test('a reloaded or reopened console is back in step, its clock still counting', async ({
    audience,
    context,
  }) => {
    // One clock for the whole context, standing still: every page opened later starts where it stands.
    const first = await ConsoleWindow.open(context, { clockAt: Date.now() });
    for (let i = 0; i < BUILD + 1; i++) await audience.press('ArrowRight');
    await first.expectShowing(BUILD, 0);
    await first.page.clock.fastForward('01:30');
    await expect(first.clock).toHaveText('01:30');
    // Closed by mistake in the middle of the talk.
    const closed = first.page.waitForEvent('close');
    await first.page.close({ runBeforeUnload: true });
    await closed;

    // Ten seconds later, a new console (new tab) asks the audience where the talk is, and keeps the talk's clock.
    await audience.press('ArrowRight');
    await audience.page.clock.fastForward('00:10');
    const console_ = await ConsoleWindow.open(context);
    await console_.expectShowing(BUILD, 1);
    await expect(console_.clock).toHaveText('01:40');

    await console_.page.reload();
    await console_.ready();
    await console_.expectShowing(BUILD, 1);
    await expect(console_.clock).toHaveText('01:40');
    await console_.page.clock.runFor(2_000);
    await expect(console_.clock).toHaveText('01:42');
    // Moves made while the console was away reach it as soon as it is back.
    await audience.press('ArrowRight');
    await console_.expectShowing(BUILD, 2);
    expect(console_.errors).toEqual([]);
  });

  test('freeze: the presenter browses ahead while the audience stays put', async ({ audience, context }) => {
    const console_ = await ConsoleWindow.open(context);
    await console_.forward(2);
    await audience.expectAt(2);
    await console_.press('f');
    await expect(console_.frozenBanner).toBeVisible();
    await expect(console_.pill('frozen')).toBeVisible();

    // Three steps ahead of slide 3: slide 4, slide 5 (the first build slide), its first item.
    await console_.forward(3);
    await console_.expectShowing(BUILD, 0);
    await expect(console_.notes).toHaveText(notesOf(SLIDES[BUILD]!));
    await audience.expectAt(2);
    await expect(console_.frozenBanner).toContainText(`观众所在页 3 / ${SLIDES.length}`);

    // The audience window can still be moved from its own keyboard; the console keeps its place.
    await audience.press('ArrowRight');
    await expect(console_.frozenBanner).toContainText(`观众所在页 4 / ${SLIDES.length}`);
    await console_.expectShowing(BUILD, 0);

    // A: back to where the audience is, then one step on, still frozen.
    await console_.press('a');
    await console_.expectShowing(3);
    await console_.press('ArrowRight');
    await console_.expectShowing(4);
    await audience.expectAt(3);

    // Unfreezing brings the audience to the presenter.
    await console_.button('freeze').click();
    await expect(console_.frozenBanner).toBeHidden();
    await audience.expectAt(4);
    await console_.press('ArrowRight');
    await audience.expectAt(4, 0);
  });

  test('without BroadcastChannel the windows sync through localStorage', async ({ context }) => {
    await context.addInitScript(() => {
      delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    const audience = new AudienceWindow(await context.newPage());
    await audience.goto();
    expect(await audience.page.evaluate(() => typeof BroadcastChannel)).toBe('undefined');
    const console_ = await ConsoleWindow.open(context);
    await console_.forward(BUILD + 1);
    await audience.expectAt(BUILD, 0);
    await audience.press('ArrowRight');
    await console_.expectShowing(BUILD, 1);
    await audience.page.reload();
    await audience.ready();
    await console_.press('b');
    await expect(audience.reveal).toHaveClass(/\bpaused\b/);
    expect([...audience.errors, ...console_.errors]).toEqual([]);
  });

  test('works from the file system, with no server', async ({ context }) => {
    const url = pathToFileURL(resolve(DIST, 'index.html')).href;
    const audience = new AudienceWindow(await context.newPage());
    await audience.goto('', url);
    const console_ = await ConsoleWindow.open(context, { url: `${url}?presenter` });
    await console_.forward(2);
    await audience.expectAt(2);
    await audience.press('ArrowLeft');
    await console_.expectShowing(1);
  });
});

test.describe('bad input', () => {
  test('malformed and foreign messages are ignored and break neither window', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    await console_.forward(2);
    await audience.expectAt(2);
    const sent = await audience.page.evaluate((name) => {
      const stamp = { time: Date.now() + 60_000, by: 'intruder' };
      const state = { h: 1, f: -1, overview: false, paused: false };
      const wire = { app: 'deck-sync', v: 1, from: 'intruder', role: 'presenter', type: 'state', stamp };
      const junk: unknown[] = [
        null,
        'state',
        42,
        [wire],
        { ...wire, deck: 'another talk', state },
        { ...wire, deck: 'x'.repeat(10_000), state },
        { namespace: 'reveal', eventName: 'slidechanged', state: { indexh: 9 } },
        { ...wire, deck: undefined, state },
        { ...wire, state: { ...state, h: -1 } },
        { ...wire, state: { ...state, h: 999 } },
        { ...wire, state: { ...state, f: 17 } },
        { ...wire, state: { ...state, h: '1' } },
        { ...wire, state: { ...state, paused: 'yes' } },
        { ...wire, stamp: { time: 'soon', by: 'x' }, state },
        { ...wire, type: 'navigate', state },
        { ...wire, role: 'admin', state },
      ];
      const channel = new BroadcastChannel(name);
      // The audience's own channel never hears its own posts: send from a second channel object.
      for (const message of junk) channel.postMessage(message);
      channel.close();
      return junk.length;
    }, CHANNEL);
    expect(sent).toBe(16);
    // Valid messages of another deck with a newer stamp went the same way as the rest: nowhere.
    await console_.press('ArrowRight');
    await audience.expectAt(3);
    await console_.expectShowing(3);
    expect([...audience.errors, ...console_.errors]).toEqual([]);
  });
});

test.describe('notes', () => {
  // The notes the console shows are those in the slide's <aside class="notes"> in the audience
  // window (all of them, as written), and they open with the words the talk fixture gives.
  test('the notes shown are the slide’s notes, on every slide and step', async ({ audience, context }) => {
    const console_ = await ConsoleWindow.open(context);
    for (const [index, slide] of SLIDES.entries()) {
      const written = await audience.page.locator(`section#${slide.id} aside.notes`).textContent();
      expect(written, slide.id).toMatch(notesOf(slide));
      for (let step = -1; step < slide.steps; step++) {
        await console_.expectShowing(index, step);
        await expect(console_.notes).toHaveText(written!);
        await console_.press('ArrowRight');
      }
    }
    await audience.expectAt(SLIDES.length - 1);
  });

  test('the presenter can enlarge and shrink the notes, and the size is kept', async ({ context }) => {
    const console_ = await ConsoleWindow.open(context);
    const size = () => console_.notes.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const initial = await size();
    expect(initial).toBeGreaterThanOrEqual(28);
    await console_.button('notesLarger').click();
    await console_.press('+');
    await expect.poll(size).toBe(initial + 8);
    await console_.press('-');
    await expect.poll(size).toBe(initial + 4);
    await console_.page.reload();
    await console_.ready();
    await expect.poll(size).toBe(initial + 4);
  });
});

test.describe('clock and pacing', () => {
  test('the timer runs, pauses for questions, resumes and resets', async ({ context }) => {
    const console_ = await ConsoleWindow.open(context, { clockAt: Date.now() });
    await expect(console_.clock).toHaveText('00:00');
    await console_.page.clock.fastForward('01:05');
    await expect(console_.clock).toHaveText('01:05');

    await console_.press('t');
    await expect(console_.button('timer')).toHaveText('继续计时');
    await expect(console_.pacing).toHaveAttribute('data-status', 'paused');
    await console_.page.clock.fastForward('05:00');
    await expect(console_.clock).toHaveText('01:05');

    await console_.button('timer').click();
    await console_.page.clock.fastForward(10_000);
    await expect(console_.clock).toHaveText('01:15');

    await console_.press('Shift+R');
    await expect(console_.clock).toHaveText('00:00');
    await console_.page.clock.fastForward(3_000);
    await expect(console_.clock).toHaveText('00:03');
    await console_.button('resetTimer').click();
    await expect(console_.clock).toHaveText('00:00');
  });

  test('the pacing indicator shows ahead, on plan and behind against the deck’s plan', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context, { clockAt: Date.now() });
    // The title slide is planned for 70 s (its timing).
    const planned = 70;
    await expect(console_.pacing).toHaveAttribute('data-status', 'on-track');
    await expect(console_.pacing).toContainText('按计划');

    await console_.page.clock.fastForward((planned + 30) * 1000);
    await expect(console_.pacing).toHaveAttribute('data-status', 'behind');
    await expect(console_.pacing).toContainText('落后 00:30');

    // Moving on to slide 2 puts the talk back inside its planned window.
    await audience.press('ArrowRight');
    await console_.expectShowing(1);
    await expect(console_.pacing).toHaveAttribute('data-status', 'on-track');

    // Far ahead of the plan: the last slide after under two minutes.
    await console_.press('End');
    await audience.expectAt(SLIDES.length - 1);
    await expect(console_.pacing).toHaveAttribute('data-status', 'ahead');
    await expect(console_.pacing).toContainText('超前');
  });
});

test.describe('rehearsal', () => {
  test('records the time on each slide, downloads JSON and CSV, and the JSON loads back as the plan', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context, { clockAt: Date.now() });
    await expect(console_.page.locator('.presenter-plan-source')).toHaveText('计划来自每页的 timing 设置');
    await console_.button('rehearsal').click();
    await expect(console_.pill('rehearsing')).toBeVisible();
    await console_.page.clock.fastForward(40_000);
    await audience.press('ArrowRight');
    await console_.expectShowing(1);
    await console_.page.clock.fastForward(25_000);
    await console_.press('ArrowRight');
    await console_.page.clock.fastForward(5_000);
    await console_.button('rehearsal').click();
    await expect(console_.pill('rehearsing')).toBeHidden();

    const downloadJson = console_.page.waitForEvent('download');
    await console_.button('downloadJson').click();
    const json = await downloadJson;
    expect(json.suggestedFilename()).toMatch(/^rehearsal-.*\.json$/);
    const jsonText = await readFile(await json.path(), 'utf8');
    const report = JSON.parse(jsonText);
    expect(report).toMatchObject({ format: 'deck-rehearsal', deck: TALK_META.title, totalSeconds: 70 });
    expect(report.slides.slice(0, 3)).toEqual([
      { index: 0, id: SLIDES[0]!.id, title: SLIDES[0]!.title, seconds: 40 },
      { index: 1, id: SLIDES[1]!.id, title: SLIDES[1]!.title, seconds: 25 },
      { index: 2, id: SLIDES[2]!.id, title: SLIDES[2]!.title, seconds: 5 },
    ]);
    expect(report.slides).toHaveLength(SLIDES.length);

    const downloadCsv = console_.page.waitForEvent('download');
    await console_.button('downloadCsv').click();
    const csv = await readFile(await (await downloadCsv).path(), 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFindex,id,title,seconds',
      `0,${SLIDES[0]!.id},${SLIDES[0]!.title},40`,
      `1,${SLIDES[1]!.id},${SLIDES[1]!.title},25`,
    ]);

    // The report becomes the pacing plan, and stays the plan after a reload.
    await console_.page
      .locator('.presenter-plan-input')
      .setInputFiles({ name: 'rehearsal.json', mimeType: 'application/json', buffer: Buffer.from(jsonText) });
    await expect(console_.page.locator('.presenter-plan-source')).toHaveText('已载入排练计划');
    await expect(console_.pacing).toContainText('计划 01:10');
    await console_.page.reload();
    await console_.ready();
    await expect(console_.page.locator('.presenter-plan-source')).toHaveText('计划来自排练记录');
    await console_.button('clearPlan').click();
    await expect(console_.pacing).not.toContainText('计划 01:10');

    await console_.page
      .locator('.presenter-plan-input')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a plan') });
    await expect(console_.page.locator('.presenter-plan-source')).toContainText('无法读取该计划文件');
    expect(console_.errors).toEqual([]);
  });
});

test.describe('shortcuts overlay', () => {
  test('? in the audience window lists every key in Chinese and English instead of reveal’s help', async ({
    audience,
  }) => {
    await audience.press('?');
    const overlay = audience.page.getByRole('dialog', { name: /快捷键/ });
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Keyboard shortcuts');
    for (const text of [
      '演示窗口',
      'Audience window',
      '演讲者控制台',
      'Presenter console',
      '打开演讲者控制台',
      'Open the presenter console',
      '冻结 / 解冻观众画面',
      '黑屏 / 恢复',
    ]) {
      await expect(overlay).toContainText(text);
    }
    await expect(audience.page.locator('.reveal .overlay-help')).toHaveCount(0);
    // Esc closes the overlay and nothing else (reveal.js would have opened the overview).
    await audience.press('Escape');
    await expect(overlay).toBeHidden();
    await expect(audience.reveal).not.toHaveClass(/\boverview\b/);
    // Keys still reach the deck afterwards.
    await audience.press('ArrowRight');
    await audience.expectAt(1);
  });

  test('? in the console shows the console’s keys first; keys do nothing else while it is open', async ({
    audience,
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    await console_.press('?');
    const overlay = console_.page.getByRole('dialog', { name: /快捷键/ });
    await expect(overlay.locator('h3').first()).toContainText('Presenter console');
    await console_.press('ArrowRight');
    await console_.expectShowing(0);
    await audience.expectAt(0);
    await console_.press('?');
    await expect(overlay).toBeHidden();
    await console_.button('help').click();
    await expect(overlay).toBeVisible();
    await overlay.getByRole('button', { name: /关闭/ }).click();
    await expect(overlay).toBeHidden();
  });

  test('every Chinese character in the console and its overlay is drawn with the deck’s own font', async ({
    context,
  }) => {
    const console_ = await ConsoleWindow.open(context);
    await console_.press('f');
    await console_.press('?');
    await expect(console_.page.getByRole('dialog')).toBeVisible();
    const fonts = new DeckPage(console_.page);
    const foreign = async () => {
      const runs = (await fonts.hanTextFonts('body *')).filter((run) => run.rendered);
      expect(runs.length).toBeGreaterThan(40);
      return runs
        .filter((run) => run.fonts.length === 0 || run.fonts.some((f) => !f.custom))
        .map((run) => `${run.element}: ${run.text}`);
    };
    await expect.poll(foreign).toEqual([]);
  });
});

test.describe('cost', () => {
  test('the console runs no reveal.js and no iframes, and uses less memory and DOM than the audience view', async ({
    audience,
    context,
  }, testInfo) => {
    const console_ = await ConsoleWindow.open(context);
    await expect(console_.page.locator('iframe')).toHaveCount(0);
    await expect(console_.page.locator('.reveal.ready, .reveal-viewport')).toHaveCount(0);
    // Two previews, each one slide's HTML.
    await expect(console_.page.locator('.slide-preview section')).toHaveCount(2);
    const metrics = async (page: Page) => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      await cdp.detach();
      return Object.fromEntries(list.map((m) => [m.name, m.value]));
    };
    const [forAudience, forConsole] = [await metrics(audience.page), await metrics(console_.page)];
    testInfo.annotations.push({
      type: 'cost',
      description: `JS heap ${(forConsole.JSHeapUsedSize! / 1e6).toFixed(1)} MB vs ${(forAudience.JSHeapUsedSize! / 1e6).toFixed(1)} MB, DOM nodes ${forConsole.Nodes} vs ${forAudience.Nodes} (console vs audience)`,
    });
    expect(forConsole.Nodes!).toBeLessThan(forAudience.Nodes!);
    expect(forConsole.JSHeapUsedSize!).toBeLessThan(forAudience.JSHeapUsedSize!);
  });
});
