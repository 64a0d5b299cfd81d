// File names as messages and URLs show them: relative to the project root, with forward slashes.
import { relative, sep } from 'node:path';

/** `path` relative to `root`, with `/` separators on every platform. */
export function projectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
