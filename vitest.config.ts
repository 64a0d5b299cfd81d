import { defineConfig } from 'vitest/config';

// Unit tests cover the Node-side build (src/build); the browser is tested by Playwright.
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000 },
});
