// The project's root folder, and file names as messages and URLs show them: relative to that
// root, with forward slashes.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json and vite.config.ts; the commands build and read from it. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `path` relative to `root`, with `/` separators on every platform. */
export function projectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
