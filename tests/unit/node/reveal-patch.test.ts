// The installed reveal.js is the patched one (patches/README.md): `npm ci` runs patch-package,
// but `npm ci --ignore-scripts`, or a reveal.js upgrade without a new patch, would leave the
// deck on reveal's per-key-press work that grows with the deck.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/node/project-path.js';

const require = createRequire(import.meta.url);
// Its package.json is not in its exports: found from the project, as npm installs it.
const revealRoot = join(PROJECT_ROOT, 'node_modules', 'reveal.js');
const { version } = JSON.parse(readFileSync(join(revealRoot, 'package.json'), 'utf8')) as { version: string };
const patch = readFileSync(join(PROJECT_ROOT, 'patches', `reveal.js+${version}.patch`), 'utf8');

describe('patches/reveal.js patch', () => {
  it('is for the installed version and changes the module the deck imports', () => {
    expect(patch).toMatch(/^\+\+\+ b\/node_modules\/reveal\.js\/dist\/reveal\.mjs$/m);
    expect(require.resolve('reveal.js').endsWith(join('dist', 'reveal.js'))).toBe(true);
  });

  it('every line it adds is in the installed reveal.mjs', () => {
    const installed = readFileSync(join(revealRoot, 'dist', 'reveal.mjs'), 'utf8');
    const added = patch
      .split('\n')
      .filter((line) => line.startsWith('+') && !line.startsWith('+++'))
      .map((line) => line.slice(1))
      .filter((line) => line.trim() !== '');
    expect(added.length).toBeGreaterThan(30);
    const missing = added.filter((line) => !installed.includes(line));
    expect(missing).toEqual([]);
  });
});
