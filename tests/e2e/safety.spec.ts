// The built deck under its Content Security Policy, and a long walk that must leave no errors
// and no growing heap behind.
import { expect, test, type Page } from '@playwright/test';

async function watchProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return problems;
}

test('the built page carries a strict CSP: no inline script but the prerender guard, by hash; no eval', async ({
  page,
}) => {
  // (eval cannot be probed from page.evaluate, which DevTools runs outside the page's policy: the
  // policy text is checked for it instead.)
  const problems = await watchProblems(page);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSources = /script-src ([^;]*)/.exec(policy ?? '')?.[1]?.split(' ');
  expect(scriptSources).toEqual(["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(policy).toContain("default-src 'none'");
  // An injected inline script must not run.
  const injected = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(injected).toBe(false);
  // Only what we just tried was refused: the deck itself needs nothing the policy forbids.
  await expect.poll(() => problems.filter((p) => p.includes('CSP violation'))).toHaveLength(1);
  expect(
    problems.filter((p) => !p.includes('CSP violation') && !p.includes('Content Security Policy')),
  ).toEqual([]);
});

test('1,000 navigations leave no console error and no growing heap', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchProblems(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  };
  await cdp.send('Performance.enable');
  const total = await page.locator('.reveal .slides > section').count();
  // Warm up once over the whole deck so lazily created state is counted at the start.
  for (let i = 0; i < total * 2; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Home');
  const before = await heap();
  const keys = [
    'ArrowRight',
    'ArrowRight',
    'ArrowRight',
    'Space',
    'PageDown',
    'ArrowLeft',
    'PageUp',
    'End',
    'Home',
    'o',
    'ArrowRight',
    'o',
    'Escape',
    'Escape',
    'b',
    'b',
  ];
  let navigations = 0;
  for (let round = 0; navigations < 1000; round++) {
    for (const key of keys) {
      await page.keyboard.press(key);
      navigations++;
    }
    // A jump every round: by hash, like a deep link or the back button.
    const id = await page
      .locator('.reveal .slides > section')
      .nth(round % total)
      .getAttribute('id');
    await page.evaluate((slide) => (location.hash = `#/${slide}`), id);
    navigations++;
  }
  await expect(page.locator('.reveal')).not.toHaveClass(/overview/);
  const after = await heap();
  test.info().annotations.push({
    type: 'heap',
    description: `JS heap ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB after ${navigations} navigations`,
  });
  console.log(
    `endurance: JS heap ${Math.round(before / 1024)} KiB -> ${Math.round(after / 1024)} KiB after ${navigations} navigations`,
  );
  expect(problems).toEqual([]);
  // Allow for noise, not for a leak: a leak of even 1 KiB per navigation would exceed this.
  expect(after - before).toBeLessThan(1024 * 1024);
});

test('the browser gets slides as HTML: no Markdown parser, no KaTeX JavaScript, no reveal.js plugin', async ({
  page,
  request,
}) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  const scripts = await page
    .locator('script[src]')
    .evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  const code = (await Promise.all(scripts.map(async (src) => (await request.get(src)).text()))).join('\n');
  // Strings each of these libraries carries in its shipped code.
  const signatures = {
    marked: 'marked(): input parameter',
    'KaTeX JavaScript': 'KaTeX parse error',
    'highlight.js': 'highlightAuto',
    'reveal.js notes plugin': 'speaker-controls',
  };
  const shipped = Object.entries(signatures)
    .filter(([, text]) => code.includes(text))
    .map(([name]) => name);
  expect(shipped).toEqual([]);
  // The deck's own code is there (the check reads the right files).
  expect(code).toContain('deckReady');
});
