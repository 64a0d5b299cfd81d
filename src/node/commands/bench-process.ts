// Times a command as a person runs it: spawn, wall clock until the process exits. The PDF exports
// (ours and Marp's) are compared this way, start-up and browser launch included.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-path.js';

export interface ProcessRun {
  /** Spawn to exit, ms. */
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args` to its end; rejects when it fails (exit code ≠ 0) or takes over `timeoutMs`. */
export function timeProcess(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<ProcessRun> {
  const { env = process.env, cwd = PROJECT_ROOT, timeoutMs = 300_000 } = options;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout, stderr });
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}:\n${stderr.slice(-2000)}`,
          ),
        );
    });
  });
}

/**
 * `npm run export -- --slides --no-build --dist <dist> --out <out> --timings` as one process (tsx
 * from node_modules/.bin, as npm runs it, without npm's own start-up); the wall time and the
 * export's own phase timings, which it prints on stderr.
 */
export function timeOurPdf(dist: string, out: string): Promise<ProcessRun> {
  return timeProcess(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [
    join(PROJECT_ROOT, 'src', 'node', 'commands', 'export-pdf.ts'),
    '--slides',
    '--no-build',
    '--dist',
    dist,
    '--out',
    out,
    '--timings',
  ]);
}

/** The `export timings` lines `--timings` printed, as phase → ms (phases of the same name summed). */
export function parseTimings(stderr: string): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const match of stderr.matchAll(/^\s+\d+\s+\+(\d+)\s+(.+?)\s*$/gm))
    phases[match[2]!] = (phases[match[2]!] ?? 0) + Number(match[1]);
  return phases;
}
