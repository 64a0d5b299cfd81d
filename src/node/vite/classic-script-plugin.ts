// The build as one classic script, so the deck opens from the file system.
import type { Plugin } from 'vite';

/**
 * A built deck must open from the file system, where browsers refuse module scripts: ship one
 * classic, deferred script instead.
 */
export function classicScriptPlugin(): Plugin {
  return {
    name: 'deck:classic-script',
    apply: 'build',
    config: () => ({
      build: { modulePreload: false, cssCodeSplit: false, rolldownOptions: { output: { format: 'iife' } } },
    }),
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin/g, '<script defer')
          .replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}
