// The author's loop: the dev server names a broken slide's problem (overlay and in place), keeps
// serving the rest, and a saved edit updates the page without losing the current slide.
import { expect, test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

interface DevServer {
  url: string;
  dir: string;
  /** Puts the slides back as they were before any edit. */
  reset(): void;
  edit(from: string, to: string): void;
}

const test = base.extend<object, { dev: DevServer }>({
  dev: [
    async ({}, use, workerInfo) => {
      const dir = join(tmpdir(), `deck-dev-test-${process.pid}-${workerInfo.workerIndex}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'deck.yaml'), 'title: 开发测试\nauthor: 测试\n');
      writeFileSync(join(dir, 'a.md'), SLIDES);
      const server: ChildProcess = spawn(
        'npx',
        ['vite', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
        {
          env: { ...process.env, DECK_SLIDES: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      server.stdout!.on('data', (d) => (output += d));
      server.stderr!.on('data', (d) => (output += d));
      await expect.poll(() => output, { timeout: 30_000 }).toContain(`${PORT}`);
      const file = join(dir, 'a.md');
      await use({
        url: `http://127.0.0.1:${PORT}/`,
        dir,
        reset: () => writeFileSync(file, SLIDES),
        edit: (from, to) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to)),
      });
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'serial' });
test.beforeEach(({ dev }) => dev.reset());

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
