// The author's loop: the dev server names a broken slide's problem (overlay and in place), keeps
// serving the rest, and a saved, added, deleted or renamed slide file updates the page without
// losing the current slide. It also names characters the font lacks and slides that overflow.
import { expect, test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = Number(process.env.E2E_DEV_PORT ?? 4329);

const SLIDES = `---
id: one
---

# 第一页

正常的内容

---
id: two
---

## 第二页

$$\\frac{1}{$$

---
id: three
---

## 第三页

- 原来的要点
`;

/** A second slide file (sorted after a.md, so its slides come last). */
const MORE = `---
id: four
---

## 第四页

- 新文件里的要点
`;

interface DevServer {
  url: string;
  dir: string;
  /** Puts the slides back as they were before any edit: a.md only. */
  reset(): void;
  edit(from: string, to: string): void;
  /** Writes (adds or replaces) a file in the slides folder. */
  write(name: string, text: string): void;
  remove(name: string): void;
  rename(from: string, to: string): void;
}

const test = base.extend<object, { dev: DevServer }>({
  dev: [
    async ({}, use, workerInfo) => {
      const dir = join(tmpdir(), `deck-dev-test-${process.pid}-${workerInfo.workerIndex}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'deck.yaml'), 'title: 开发测试\nauthor: 测试\n');
      writeFileSync(join(dir, 'a.md'), SLIDES);
      // Its own process group (npx and the vite it starts), so teardown stops both: killing npx
      // alone can leave vite holding the port for the next run.
      const server: ChildProcess = spawn(
        'npx',
        ['vite', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
        {
          env: { ...process.env, DECK_SLIDES: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        },
      );
      const exited = new Promise((resolve) => server.once('exit', resolve));
      let output = '';
      server.stdout!.on('data', (d) => (output += d));
      server.stderr!.on('data', (d) => (output += d));
      await expect.poll(() => /ready in|error when starting/.test(output), { timeout: 30_000 }).toBe(true);
      // Not some other server that already had the port (it would serve another slides folder).
      expect(output, output).toContain('ready in');
      const file = join(dir, 'a.md');
      await use({
        url: `http://127.0.0.1:${PORT}/`,
        dir,
        reset: () => {
          for (const name of readdirSync(dir))
            if (name.endsWith('.md') && name !== 'a.md') rmSync(join(dir, name));
          writeFileSync(file, SLIDES);
        },
        edit: (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to)),
        write: (name, text) => writeFileSync(join(dir, name), text),
        remove: (name) => rmSync(join(dir, name)),
        rename: (from, to) => renameSync(join(dir, from), join(dir, to)),
      });
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'serial' });
test.beforeEach(({ dev }) => dev.reset());

/** Uncaught exceptions and console errors (a failed hot update logs one), as text. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Opens the deck on slide `id` and marks the page, so a reload would show. */
async function open(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}#/${id}`);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true', { timeout: 30_000 });
  await expect(page.locator(`section#${id}`)).toHaveClass(/present/);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
}

async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
}

/** The ids of the deck's slides, in order (the overflow check's unnamed copies left out). */
function slideIds(page: Page): Promise<string[]> {
  return page.locator('.reveal .slides > section[id]').evaluateAll((sections) => sections.map((s) => s.id));
}

/** The overlay's text: one `file:line: message` line per problem. */
function overlayText(page: Page) {
  return page.locator('vite-error-overlay .message-body');
}

/** What the overlay lists for the fixture's broken formula (a.md:15), and nothing else. */
const TEX_PROBLEM = /^[^\n]*a\.md:15: [^\n]*invalid TeX[^\n]*$/;

test('a broken slide is named in the overlay and in place, and the other slides still show', async ({
  page,
  dev,
}) => {
  await page.goto(dev.url);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true', { timeout: 30_000 });
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toHaveCount(1);
  await expect(overlay.locator('.message-body')).toContainText(/a\.md:15: .*invalid TeX/);
  const broken = page.locator('section#two');
  await expect(broken.locator('.deck-problems')).toContainText('a.md:15');
  await expect(broken.locator('.math-error')).toHaveCount(1);
  await expect(page.locator('section#one h1')).toHaveText('第一页');
  await expect(page.locator('section#three li')).toHaveText('原来的要点');
  await expect(page.locator('section#one .deck-problems')).toHaveCount(0);
});

test('saving a slide updates the page in place and keeps the current slide', async ({ page, dev }) => {
  const log: string[] = [];
  page.on('console', (m) => log.push(m.text()));
  await page.goto(`${dev.url}#/three`);
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true', { timeout: 30_000 });
  await expect(page.locator('section#three')).toHaveClass(/present/);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  dev.edit('原来的要点', '改过的要点');
  await expect(page.locator('section#three li')).toHaveText('改过的要点', { timeout: 15_000 });
  await expect(page.locator('section#three')).toHaveClass(/present/);
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    log.join('\n'),
  ).toBe(true);
  await expect(page).toHaveURL(/#\/three$/);

  dev.edit('$$\\frac{1}{$$', '$$\\frac{1}{2}$$');
  await expect(page.locator('section#two .katex')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('vite-error-overlay')).toHaveCount(0);
  await expect(page.locator('section#two .deck-problems')).toHaveCount(0);
  await expect(page.locator('section#three')).toHaveClass(/present/);
});

test('a slide file added while the server runs appears in place; the current slide stays', async ({
  page,
  dev,
}) => {
  const errors = pageErrors(page);
  await open(page, dev.url, 'three');
  dev.write('b.md', MORE);
  await expect.poll(() => slideIds(page), { timeout: 15_000 }).toEqual(['one', 'two', 'three', 'four']);
  await expect(page.locator('section#four li')).toHaveText('新文件里的要点');
  await expect(page.locator('section#three')).toHaveClass(/present/);
  await expect(page).toHaveURL(/#\/three$/);
  await expect(overlayText(page)).toHaveText(TEX_PROBLEM);
  // G searches the slides on the page now, the new one included.
  await page.keyboard.press('g');
  await page.keyboard.type('新文件');
  await expect(page.locator('.jump-dialog output')).toHaveText('4. 第四页');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/four$/);
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});

test('a slide file deleted while the server runs drops its slides, never a blank deck', async ({
  page,
  dev,
}) => {
  dev.write('b.md', MORE);
  const errors = pageErrors(page);
  await open(page, dev.url, 'four');
  await expect(page.locator('section#four li')).toHaveText('新文件里的要点');
  dev.remove('b.md');
  await expect.poll(() => slideIds(page), { timeout: 15_000 }).toEqual(['one', 'two', 'three']);
  // Its slide is gone: the deck shows the slide now at that place (the last), not a blank page.
  await expect(page.locator('section#three')).toHaveClass(/present/);
  await expect(page.locator('section#three li')).toBeVisible();
  await expect(overlayText(page)).toHaveText(TEX_PROBLEM);

  // Deleting a file while on a slide of another file keeps that slide.
  dev.write('b.md', MORE);
  await expect.poll(() => slideIds(page), { timeout: 15_000 }).toContain('four');
  await page.locator('section#one').evaluate(() => (window.location.hash = '#/one'));
  await expect(page.locator('section#one')).toHaveClass(/present/);
  dev.remove('b.md');
  await expect.poll(() => slideIds(page), { timeout: 15_000 }).toEqual(['one', 'two', 'three']);
  await expect(page.locator('section#one')).toHaveClass(/present/);
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});

test('a slide file renamed while the server runs keeps its slides and the current slide', async ({
  page,
  dev,
}) => {
  dev.write('b.md', MORE);
  const errors = pageErrors(page);
  await open(page, dev.url, 'four');
  await expect(page.locator('section#four')).toHaveAttribute('data-source', /\/b\.md:1$/);
  dev.rename('b.md', 'c.md');
  // The same slide, now read from c.md.
  await expect(page.locator('section#four')).toHaveAttribute('data-source', /\/c\.md:1$/, {
    timeout: 15_000,
  });
  await expect.poll(() => slideIds(page)).toEqual(['one', 'two', 'three', 'four']);
  await expect(page.locator('section#four')).toHaveClass(/present/);
  await expect(page).toHaveURL(/#\/four$/);
  await expect(overlayText(page)).toHaveText(TEX_PROBLEM);
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});

test('a character the font cannot draw is named in the overlay and on its slide, typed or as an entity', async ({
  page,
  dev,
}) => {
  const errors = pageErrors(page);
  await open(page, dev.url, 'three');
  dev.edit('- 原来的要点', '- 原来的要点\n- 笑脸 😀');
  dev.write('b.md', MORE.replace('- 新文件里的要点', '- 新文件里的要点\n\n火箭 &#x1F680;'));
  const overlay = overlayText(page);
  await expect(overlay).toContainText('a.md:24: no glyph for "😀" (U+1F600) in the deck font', {
    timeout: 30_000,
  });
  await expect(overlay).toContainText('b.md:9: no glyph for "🚀" (U+1F680) in the deck font');
  await expect(overlay).toContainText('a.md:15: ');
  await expect(page.locator('section#three .deck-problems')).toContainText('a.md:24 no glyph for "😀"');
  await expect(page.locator('section#four .deck-problems')).toContainText('b.md:9 no glyph for "🚀"');
  // The slide still shows, the character in a fallback font.
  await expect(page.locator('section#three li').last()).toHaveText('笑脸 😀');
  await expect(page.locator('section#one .deck-problems')).toHaveCount(0);
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});

test('a slide that overflows its frame is named in the overlay with its file and line', async ({
  page,
  dev,
}) => {
  const errors = pageErrors(page);
  await open(page, dev.url, 'one');
  const items = Array.from({ length: 14 }, (_, i) => `- 第 ${i + 1} 条要点`).join('\n');
  dev.write('b.md', `---\nid: long\n---\n\n## 太长的一页\n\n${items}\n`);
  await expect(overlayText(page)).toContainText(
    /b\.md:1: slide "太长的一页" overflows its 1280×720 frame by \d+ px at the bottom/,
    { timeout: 15_000 },
  );
  await expect(overlayText(page)).toContainText('a.md:15: ');
  await expect(page.locator('section#one')).toHaveClass(/present/);

  // Fixed: the report goes away.
  dev.write('b.md', `---\nid: long\n---\n\n## 太长的一页\n\n- 只有一条\n`);
  await expect(overlayText(page)).toHaveText(TEX_PROBLEM, { timeout: 15_000 });
  await expectNotReloaded(page);
  expect(errors).toEqual([]);
});
