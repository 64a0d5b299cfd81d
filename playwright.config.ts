import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, browserEnv, findChromium } from './src/node/cli/chromium.js';

const PORT = Number(process.env.E2E_PORT ?? 4319);

// End-to-end tests run against the built deck (`vite preview`), as an audience would get it.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Screenshot baselines, committed: tests/e2e/__screenshots__/<spec file>/<name>.png. No platform
  // suffix: they are made, and compared, on Linux with Debian's Chromium and the deck's own font.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS, env: browserEnv() },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
