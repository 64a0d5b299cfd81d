import { defineConfig } from 'vitest/config';

// Three projects: `unit` tests one module at a time (tests/unit/node mirrors src/node, tests/unit/client
// mirrors src/client); `build` runs whole Vite builds of fixture decks and is slower; `property`
// feeds the Markdown pipeline generated input (tests/property). The browser is tested by
// Playwright (tests/e2e).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 } },
      // Property-based tests of the Markdown pipeline (fast-check); FC_RUNS cases per property.
      { test: { name: 'property', include: ['tests/property/**/*.test.ts'] } },
    ],
  },
});
