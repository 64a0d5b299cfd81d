// Times a command as a person runs it: spawn, wall clock until the process exits. The PDF exports
// (ours and Marp's) are compared this way, start-up and browser launch included.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-path.js';

/**
 * What `npm run export` runs, after `node`: read from package.json, so the benchmark times the
 * command people run, whatever it becomes.
 */
function exportScript(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = (scripts.export ?? '').split(/\s+/);
  if (command !== 'node' || args.length === 0)
    throw new Error(`the benchmark runs \`npm run export\` as \`node <script> …\`, not "${scripts.export}"`);
  return args.map((arg, i) => (i === 0 ? join(PROJECT_ROOT, arg) : arg));
}

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
 * `npm run export -- --slides --no-build --dist <dist> --out <out> --timings` as one process (the
 * launcher the npm script runs, with the same Node, without npm's own start-up); the wall time and
 * the export's own phase timings, which it prints on stderr.
 */
export function timeOurPdf(dist: string, out: string): Promise<ProcessRun> {
  return timeProcess(process.execPath, [
    ...exportScript(),
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
