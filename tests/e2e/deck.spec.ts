// The talk as the audience and the speaker get it: the built deck served by `vite preview`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TALK_META, TALK_SLIDES, TALK_TITLES, talkSlide } from '../fixtures/talk-outline.js';
import { expect, foreignFonts, test, type HanTextFonts } from './deck-page.js';

/** The talk's headings, one per slide, in order. */
const TITLES = TALK_TITLES;
const titleOf = (id: string) => talkSlide(id).title;

const DIST = resolve(process.env.DECK_DIST ?? 'dist');
/**
 * Share of a slide's pixels that may differ from its baseline (anti-aliasing at glyph edges):
 * 0.5 %, about 4,600 of 921,600 pixels. A missing line of text, a glyph drawn as a box or by
 * another font, a shifted block: each changes far more.
 */
const SCREENSHOT_TOLERANCE = 0.005;

test.describe('slides and headings', () => {
  test('every slide has its own heading, in the order of the talk', async ({ deck }) => {
    await deck.goto();
    await expect(deck.slides).toHaveCount(TITLES.length);
    for (const [index, title] of TITLES.entries()) {
      // → reveals a slide's build items first, then moves on.
      if (index > 0) await deck.nextSlide();
      await expect(deck.heading).toHaveCount(1);
      await expect(deck.heading).toBeVisible();
      await expect(deck.heading).toHaveText(title);
    }
    // The last slide is the end: → stays there.
    await deck.next();
    await deck.expectAt('closing');
  });

  test('the page is Simplified Chinese', async ({ deck, page }) => {
    await deck.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', TALK_META.lang);
  });
});

test.describe('navigation', () => {
  test('→ and ← move between slides', async ({ deck }) => {
    await deck.goto('chatgpt');
    await deck.press('ArrowRight');
    await deck.expectAt('chatgpt-mistakes');
    await expect(deck.heading).toHaveText(titleOf('chatgpt-mistakes'));
    await deck.press('ArrowLeft');
    await deck.expectAt('chatgpt');
  });

  test('a build slide shows its items one key press at a time before moving on', async ({ deck }) => {
    await deck.goto('openai');
    await deck.next();
    await deck.expectAt('openai-team', 0);
    const items = deck.currentSlide.locator('li.fragment');
    await expect(items).toHaveCount(4);
    for (let shown = 1; shown <= 4; shown++) {
      await deck.next();
      await deck.expectAt('openai-team', shown);
      await expect(items.nth(shown - 1)).toBeVisible();
      if (shown < 4) await expect(items.nth(shown)).toBeHidden();
    }
    await deck.next();
    await deck.expectAt('openai-resources', 0);
    // Back onto a build slide: it comes back fully built, then un-builds one item per press.
    await deck.previous();
    await deck.expectAt('openai-team', 4);
    await deck.previous();
    await deck.expectAt('openai-team', 3);
    await expect(items.nth(3)).toBeHidden();
  });

  test('Space, PageDown and PageUp (clicker keys) step through builds and slides', async ({ deck }) => {
    await deck.goto('openai');
    await deck.press('Space');
    await deck.expectAt('openai-team', 0);
    await deck.press('PageDown');
    await deck.expectAt('openai-team', 1);
    await deck.press('Space');
    await deck.expectAt('openai-team', 2);
    await deck.press('PageUp');
    await deck.expectAt('openai-team', 1);
    await deck.press('PageUp');
    await deck.expectAt('openai-team', 0);
    await deck.press('PageUp');
    await deck.expectAt('openai', 0);
  });

  test('Home and End jump to the first and last slide', async ({ deck }) => {
    await deck.goto('models-ceiling');
    await deck.press('End');
    await deck.expectAt('closing');
    await expect(deck.heading).toHaveText(titleOf('closing'));
    await deck.press('Home');
    await deck.expectAt('title');
    await expect(deck.heading).toHaveText(titleOf('title'));
  });

  test('a link to #/openai-team opens that slide', async ({ deck, page }) => {
    await deck.goto('openai-team');
    await deck.expectAt('openai-team', 0);
    await expect(deck.heading).toHaveText(titleOf('openai-team'));
    await expect(page).toHaveURL(/#\/openai-team$/);
  });

  test('the address names the current slide by its id', async ({ deck, page }) => {
    await deck.goto();
    await expect(page).toHaveURL(/#\/title$/);
    await deck.next();
    await expect(page).toHaveURL(/#\/chatgpt$/);
    await deck.press('End');
    await expect(page).toHaveURL(/#\/closing$/);
    // A build step is the slide id plus the number of the last item shown.
    await deck.goto('models-ceiling');
    await deck.next();
    await expect(page).toHaveURL(/#\/models-platform$/);
    await deck.next();
    await expect(page).toHaveURL(/#\/models-platform\/0$/);
  });

  test('the browser back and forward buttons retrace the slides', async ({ deck, page }) => {
    await deck.goto('title');
    await deck.next();
    await deck.expectAt('chatgpt');
    await deck.next();
    await deck.expectAt('chatgpt-mistakes');
    // The address follows once the slide is painted (patches/README.md); back goes from there.
    await expect(page).toHaveURL(/#\/chatgpt-mistakes$/);
    await page.goBack();
    await deck.expectAt('chatgpt');
    await expect(deck.heading).toHaveText(titleOf('chatgpt'));
    await page.goBack();
    await deck.expectAt('title');
    await page.goForward();
    await deck.expectAt('chatgpt');
  });

  test('presses quicker than a paint still leave one history entry per slide', async ({ deck, page }) => {
    await deck.goto('title');
    // Three presses in one task: no paint, so no idle time, comes between them (a clicker's
    // burst under load). Each slide passed through is still a step back, and a step back or
    // forward taken before the address was written adds no entry of its own.
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) {
        document.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }),
        );
      }
    });
    const [, second, third, fourth] = await page.$$eval('.reveal .slides > section', (s) =>
      s.slice(0, 4).map((section) => section.id),
    );
    // Three slide changes, not build steps: the first three slides have none.
    await expect(page.locator('.reveal .slides > section:nth-child(-n+3) .fragment')).toHaveCount(0);
    await deck.expectAt(fourth!);
    await expect(page).toHaveURL(new RegExp(`#/${fourth}$`));
    for (const id of [third!, second!, 'title']) {
      await page.goBack();
      await deck.expectAt(id);
      await expect(page).toHaveURL(new RegExp(`#/${id}$`));
    }
    await page.goForward();
    await deck.expectAt(second!);
  });

  test('Escape and O open the overview; Escape and Enter leave it', async ({ deck, page }) => {
    const reveal = page.locator('.reveal');
    await deck.goto('chatgpt-mistakes');
    await deck.press('Escape');
    await expect(reveal).toHaveClass(/\boverview\b/);
    await deck.press('Escape');
    await expect(reveal).not.toHaveClass(/\boverview\b/);
    await deck.expectAt('chatgpt-mistakes');

    await deck.press('o');
    await expect(reveal).toHaveClass(/\boverview\b/);
    // In the overview the arrows pick a slide and Enter opens it.
    await deck.press('ArrowRight');
    await deck.expectAt('chatgpt-turning-point');
    await deck.press('Enter');
    await expect(reveal).not.toHaveClass(/\boverview\b/);
    await deck.expectAt('chatgpt-turning-point');
    await expect(deck.heading).toBeVisible();
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });

    test('swiping left and right moves forward and back', async ({ deck }) => {
      await deck.goto('chatgpt');
      await deck.swipe('left');
      await deck.expectAt('chatgpt-mistakes');
      await deck.swipe('right');
      await deck.expectAt('chatgpt');
    });
  });
});

test.describe('math', () => {
  test('the formula on the turning-point slide is typeset', async ({ deck }) => {
    await deck.goto('chatgpt-turning-point');
    const formula = deck.currentSlide.locator('.katex-display');
    await expect(formula).toBeVisible();
    for (const word of ['大数据', '大算力', '强算法', '大模型']) await expect(formula).toContainText(word);
  });

  test('no slide shows an error box or raw TeX', async ({ deck, page }) => {
    await deck.goto();
    await expect(page.locator('.katex-error, .math-error, .deck-error')).toHaveCount(0);
    const withDollar: string[] = [];
    await deck.walk(async (id) => {
      const text = await deck.currentSlide.innerText();
      if (text.includes('$'))
        withDollar.push(`${id}: ${text.split('\n').find((line) => line.includes('$'))}`);
    });
    expect(withDollar).toEqual([]);
  });
});

test.describe('Chinese glyphs', () => {
  test('every Han character on every slide is drawn by the bundled font', async ({ deck }) => {
    const runs: HanTextFonts[] = [];
    await deck.walk(async () => {
      runs.push(...(await deck.hanTextFonts()).filter((run) => run.rendered));
    });
    // Guard against a probe that sees nothing: every slide has Han text.
    expect(new Set(runs.map((run) => run.slide)).size).toBe(TITLES.length);
    expect(
      runs.some((run) => run.text.includes('标注一条强化学习数据')),
      'chart labels are probed',
    ).toBe(true);
    expect(foreignFonts(runs)).toEqual([]);
  });

  test('the bundled font is loaded in both weights', async ({ deck, page }) => {
    await deck.goto();
    // Files the first slides do not need may still be on their way when the deck says it is ready.
    await expect.poll(() => deck.fontFaces()).toEqual(['400 loaded', '700 loaded']);
    expect(await page.evaluate(() => document.fonts.check('700 40px "Deck Sans"', '模'))).toBe(true);
  });

  test('the probe catches Han text drawn by another font', async ({ deck, page }) => {
    await deck.goto();
    await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.id = 'serif-probe';
      probe.style.fontFamily = 'serif';
      probe.textContent = '模';
      document.querySelector('.reveal .slides > section.present .slide-frame')!.append(probe);
    });
    const runs = await deck.hanTextFonts('#serif-probe');
    expect(runs).toHaveLength(1);
    expect(
      runs[0]!.fonts.some((font) => font.custom),
      'serif must not resolve to the web font',
    ).toBe(false);
    expect(foreignFonts(runs)).toHaveLength(1);
  });
});

test.describe('layout', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no slide, fully built, spills out of its 1280×720 frame', async ({ deck }) => {
    const spills: string[] = [];
    await deck.walk(async () => {
      spills.push(...(await deck.spills()));
    });
    expect(spills).toEqual([]);
  });

  // Baselines: tests/e2e/__screenshots__/deck.spec.ts/slide-NN-<id>.png, made on Debian's Chromium
  // with the deck's own font (system CJK fonts hidden). After an intended change to a slide's
  // look, look at the new pictures and commit them: `npx playwright test deck.spec.ts --update-snapshots`.
  test('every slide, fully built, looks as its committed screenshot', async ({ deck, page }) => {
    const shots: string[] = [];
    await deck.walk(async (id, index) => {
      // Every glyph file in (they come in parts), so no slide is taken half-way through its font.
      if (index === 0) await expect.poll(() => deck.fontFaces()).toEqual(['400 loaded', '700 loaded']);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await expect(page).toHaveScreenshot(`slide-${String(index + 1).padStart(2, '0')}-${id}.png`, {
        maxDiffPixelRatio: SCREENSHOT_TOLERANCE,
      });
      shots.push(id);
    });
    expect(shots).toEqual(TALK_SLIDES.map((slide) => slide.id));
  });
});

test.describe('offline', () => {
  test('a walk through the whole deck loads nothing from elsewhere and logs no error', async ({
    deck,
    baseURL,
  }) => {
    await deck.walk(async () => {});
    const origin = new URL(baseURL!).origin;
    const foreign = deck.requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
    );
    expect(foreign).toEqual([]);
    expect(
      deck.requests.some((url) => /deck-sans-bold-.*\.woff2$/.test(url)),
      'requests are recorded',
    ).toBe(true);
    expect(deck.errors).toEqual([]);
  });

  test('the built deck opens from the file system', async ({ deck, page }) => {
    const url = pathToFileURL(resolve(DIST, 'index.html')).href;
    await deck.goto(undefined, url);
    await expect(deck.heading).toHaveText(titleOf('title'));
    await expect.poll(() => deck.fontFaces()).toEqual(['400 loaded', '700 loaded']);
    await deck.next();
    await deck.expectAt('chatgpt');
    await expect(deck.heading).toHaveText(titleOf('chatgpt'));
    await expect(page).toHaveURL(/#\/chatgpt$/);
    expect(deck.errors, 'console errors when opened from file://').toEqual([]);
  });
});

test.describe('speaker view', () => {
  test('S opens the presenter console, which follows the audience window', async ({ deck, context }) => {
    await deck.goto('title');
    await deck.nextSlide();
    await deck.nextSlide();
    await deck.expectAt('chatgpt-mistakes');
    const opened = context.waitForEvent('page');
    await deck.press('s');
    const presenter = await opened;
    const presenterErrors: string[] = [];
    presenter.on('pageerror', (error) => presenterErrors.push(error.message));
    await expect(presenter).toHaveURL(/\?presenter/);
    const notes = presenter.locator('.presenter-notes-text');
    const title = presenter.locator('#presenter-title');

    const notesOf = async () => (await deck.currentSlide.locator('aside.notes').textContent()) ?? '';
    await expect(title).toHaveText(titleOf('chatgpt-mistakes'));
    await expect(notes).toHaveText(await notesOf());
    expect(await notesOf()).toContain('和人太像了');

    await deck.next();
    await deck.expectAt('chatgpt-turning-point');
    await expect(title).toHaveText(titleOf('chatgpt-turning-point'));
    await expect(notes).toHaveText(await notesOf());
    await expect(notes).toContainText('大数据、大算力、强算法');
    expect(presenterErrors).toEqual([]);
  });

  test('a console opened on a deep-linked slide shows that slide', async ({ deck, context }) => {
    // The audience window has not moved since it loaded, yet the new console must follow it.
    await deck.goto('chatgpt-mistakes');
    const opened = context.waitForEvent('page');
    await deck.press('s');
    const presenter = await opened;
    await expect(presenter.locator('#presenter-title')).toHaveText(titleOf('chatgpt-mistakes'));
    await expect(presenter.locator('.presenter-notes-text')).toContainText('和人太像了');
    await deck.expectAt('chatgpt-mistakes');
  });
});
