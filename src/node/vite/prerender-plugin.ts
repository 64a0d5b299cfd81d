// The built index.html carries the opening slide, so the title paints in the first frame, before
// any script has run (its glyphs come inline with it: deck-font-plugin.ts). reveal.js then takes
// over the same <section> (src/client/ui/render-sections.ts completeSections), and prerender.css
// places it where reveal.js will, so nothing moves when it does.
import type { IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite';
import type { Slide } from '../../shared/deck.js';
import { sectionHtml } from '../../shared/section-html.js';
import { ASSET_PREFIX } from '../markdown/load-deck.js';
import { projectPath } from '../project-path.js';
import type { DeckState } from './deck-state.js';
import { publicHref } from './public-href.js';

/** The attribute on `.reveal` that tells prerender.css the title slide came with the page. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** The plugin: in a build, writes the first slide into index.html (first-view-plugin.ts adds what loads after it). */
export function prerenderPlugin(state: DeckState): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'deck:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const first = state.get().deck.slides[0];
        if (!first || !config) return html;
        const slide = withImageUrls(first, state.get().images, state.root, config, context);
        // A picture the build did not emit (none today): the script renders the slide as before.
        if (!slide) return html;
        return html
          .replace('<div class="reveal">', `<div class="reveal" ${PRERENDERED_ATTRIBUTE}>`)
          .replace(
            '<div class="slides"></div>',
            () => `<div class="slides">${sectionHtml(slide, ['present'])}</div>`,
          );
      },
    },
  };
}

/**
 * `slide` with its picture placeholders replaced by the built files' URLs, as the browser's
 * `virtual:deck` module does; undefined when one is not in the bundle.
 */
function withImageUrls(
  slide: Slide,
  images: string[],
  root: string,
  config: ResolvedConfig,
  context: IndexHtmlTransformContext,
): Slide | undefined {
  const placeholder = new RegExp(`${ASSET_PREFIX}(\\d+)`, 'g');
  let missing = false;
  const resolve = (text: string) =>
    text.replace(placeholder, (_, n: string) => {
      const source = images[Number(n)];
      const asset =
        source === undefined
          ? undefined
          : Object.values(context.bundle ?? {}).find(
              (file) => file.type === 'asset' && file.originalFileNames.includes(projectPath(root, source)),
            );
      if (!asset) missing = true;
      return asset ? publicHref(config, asset.fileName) : '';
    });
  const resolved = { ...slide, html: resolve(slide.html), notesHtml: resolve(slide.notesHtml) };
  return missing ? undefined : resolved;
}
