// What a screen-reader or keyboard user meets: no axe (WCAG 2 A/AA) violations on any slide, the
// overview, the presenter console or the print view; slide changes announced; focus visible.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function ready(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

// One test per slide: each is a whole axe run, and sixteen in a row outlast any one test's time
// on a busy machine; apart, they also say which slide failed and run on both workers.
for (const { id } of TALK_SLIDES) {
  test(`slide ${id} passes axe with WCAG 2 A and AA rules, every build step shown`, async ({ page }) => {
    await ready(page, `./#/${id}`);
    await expect(page.locator(`section#${id}`)).toHaveClass(/present/);
    // Show every build step so axe sees all of the slide's text.
    await page.evaluate(() =>
      document.querySelectorAll('.present .fragment').forEach((f) => f.classList.add('visible')),
    );
    await expect
      .poll(() =>
        page
          .locator('section.present .fragment')
          .evaluateAll((fs) => fs.every((f) => getComputedStyle(f).opacity === '1')),
      )
      .toBe(true);
    // Let the entrance animation finish: axe measures contrast as painted.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    expect(await violations(page)).toEqual([]);
  });
}

test('the deck has the slides the accessibility checks visit', async ({ page }) => {
  await ready(page, './');
  const ids = await page.locator('.reveal .slides > section').evaluateAll((s) => s.map((e) => e.id));
  expect(ids).toEqual(TALK_SLIDES.map((slide) => slide.id));
});

test('the overview passes axe', async ({ page }) => {
  await ready(page, './');
  await page.keyboard.press('Escape');
  await expect(page.locator('.reveal')).toHaveClass(/overview/);
  expect(await violations(page)).toEqual([]);
});

test('the presenter console passes axe', async ({ page }) => {
  await page.goto('./?presenter');
  await expect(page.locator('#presenter-title')).not.toBeEmpty();
  expect(await violations(page)).toEqual([]);
});

test('the print view passes axe', async ({ page }) => {
  await ready(page, './?view=print');
  await expect(page.locator('html')).toHaveAttribute('data-pdf-ready', 'true');
  expect(await violations(page)).toEqual([]);
});

test('the deck is not a role="application" and announces each slide title', async ({ page }) => {
  await ready(page, './');
  await expect(page.locator('[role="application"]')).toHaveCount(0);
  const live = page.locator('[aria-live="polite"].deck-announcer');
  await page.keyboard.press('End');
  await expect(live).toHaveText(/被钩住，还是茁壮成长？/);
  await page.keyboard.press('Home');
  await expect(live).toHaveText(/大模型发展机会与挑战/);
});

test('language: the page is zh-CN and English terms are marked en', async ({ page }) => {
  await ready(page, './#/chatgpt-turning-point');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(
    page.locator('section#chatgpt-turning-point [lang="en"]').filter({ hasText: 'GPT-3' }).first(),
  ).toBeVisible();
});

test('keyboard focus is visible', async ({ page }) => {
  await ready(page, './');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  const outline = await focused.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe('none');
});

test('reduced motion turns transitions off', async ({ browser }) => {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 720 },
  });
  const page = await context.newPage();
  await ready(page, './');
  const duration = await page
    .locator('.reveal .slides > section')
    .first()
    .evaluate((e) => getComputedStyle(e).transitionDuration);
  expect(duration.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
  await expect(page.locator('.reveal')).toHaveClass(/\bnone\b/);
  await page.keyboard.press('ArrowRight');
  const frame = page.locator('.reveal .slides > section.present > .slide-frame');
  await expect(frame).toHaveCSS('animation-name', 'none');
  await context.close();
});

test('without reduced motion the new slide settles in with a short animation', async ({ page }) => {
  await ready(page, './');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.reveal .slides > section.present > .slide-frame')).toHaveCSS(
    'animation-name',
    'deck-enter',
  );
});

test('a talk with no slide backgrounds animates none after a press (no 800 ms fade of empty layers)', async ({
  page,
}) => {
  await ready(page, './');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.reveal .slides > section.present')).toHaveAttribute('data-index', '1');
  const animated = await page.evaluate(
    () =>
      document
        .getAnimations()
        .map((a) => (a.effect as KeyframeEffect | null)?.target)
        .filter((target) => target instanceof Element && target.closest('.backgrounds')).length,
  );
  expect(animated).toBe(0);
});

test('G jumps to a slide by Chinese text or number', async ({ page }) => {
  await ready(page, './');
  await page.keyboard.press('g');
  await page.keyboard.type('开源');
  await expect(page.locator('.jump-dialog output')).toContainText('新Linux');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/models-open-source$/);
  await page.keyboard.press('g');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('.reveal .slides > section.present')).toHaveAttribute('data-index', '2');
  await page.keyboard.press('g');
  await page.keyboard.type('不存在的内容');
  await expect(page.locator('.jump-dialog output')).toHaveText('没有匹配的幻灯片');
  await page.keyboard.press('Escape');
  await expect(page.locator('.jump-dialog')).not.toBeVisible();
});
