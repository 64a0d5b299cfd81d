import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests one module at a time (tests/unit/node mirrors src/node, tests/unit/client
// mirrors src/client); `build` runs whole Vite builds of fixture decks and is slower. The browser
// is tested by Playwright (tests/e2e).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
