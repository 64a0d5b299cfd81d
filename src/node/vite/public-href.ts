// URLs of built files as index.html writes them.
import type { ResolvedConfig } from 'vite';

/** The URL index.html uses for a file of the build (relative with `base: './'`). */
export function publicHref(config: ResolvedConfig, fileName: string): string {
  return config.base === './' || config.base === '' ? `./${fileName}` : `${config.base}${fileName}`;
}
