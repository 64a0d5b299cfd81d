// bin/run.mjs, the launcher `npm run export` runs: a command of src/node/commands as plain
// JavaScript, bundled on demand.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../src/node/project-path.js';

const LAUNCHER = join(PROJECT_ROOT, 'bin', 'run.mjs');

describe('bin/run.mjs', () => {
  test('runs a command with its options, as tsx would run its file', () => {
    const help = execFileSync(process.execPath, [LAUNCHER, 'export-pdf', '--help'], { encoding: 'utf8' });
    expect(help).toContain('usage: npm run export -- [options]');
    expect(help).toContain('--timings');
  }, 30_000);

  test('names the commands it knows when given another', () => {
    const run = spawnSync(process.execPath, [LAUNCHER, 'exprot-pdf'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('export-pdf');
    expect(run.stderr).toContain('present');
  });
});
