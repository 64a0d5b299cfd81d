// The first view without waiting for the deck's stylesheet or script. The built index.html
// carries the title slide (prerender-plugin.ts) and its glyphs (deck-font-plugin.ts); this plugin
// adds the few style rules that slide needs, inline, and holds the full stylesheet and the script
// back until the title has painted in its font: parsing 100 KB of CSS and starting reveal.js
// before that frame made the title paint later than Marp's, whose CSS is all inline and small.
// The boot script (one inline script, allowed by its hash) then loads both.
import Beasties from 'beasties';
import { posix } from 'node:path';
import type { IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite';
import { AFTER_PAINT_ATTRIBUTE, PRERENDER_OFF_CLASS } from '../../shared/presentation.js';
import type { DeckState } from './deck-state.js';
import { PRERENDERED_ATTRIBUTE } from './prerender-plugin.js';

/** The longest the boot script waits for the browser to report the title's first paint. */
export const PAINT_WAIT_MS = 250;

/**
 * The one inline script of the built page, run in <head> before the body is parsed.
 *
 * A deep link to another slide, the presenter console, the phone view or a print view will not
 * show the title slide: it stays hidden until the script has placed what they do show, and the
 * held-back files load as soon as the page is parsed. Otherwise the title's fonts (data: URLs in
 * the page) start decoding now rather than at the first layout, and the held-back files load
 * once the title is on screen in them: its first contentful paint reported (or, in a browser
 * without paint timing, a frame later; at most PAINT_WAIT_MS after the fonts were ready), so
 * that reveal.js's start-up does not compete with that paint. `firstId` undefined: no slide came
 * with the page.
 */
export function bootScript(firstId: string | undefined): string {
  const first = JSON.stringify(firstId === undefined ? null : `#/${firstId}`);
  return [
    `(function(){`,
    `var d=document,f=${first},h=location.hash;`,
    `var off=f===null||/[?&](presenter|phone|view=|print-pdf)/.test(location.search)||(h.length>2&&h!==f&&h.indexOf(f+"/")!==0);`,
    `function load(){d.querySelectorAll("[${AFTER_PAINT_ATTRIBUTE}]").forEach(function(e){`,
    `if(e.localName==="link"){e.removeAttribute("disabled");return}`,
    `var s=d.createElement("script");s.src=e.getAttribute("src");s.async=false;d.head.appendChild(s)})}`,
    `function parsed(go){if(d.readyState==="loading")d.addEventListener("DOMContentLoaded",go);else go()}`,
    `if(off){d.documentElement.classList.add(${JSON.stringify(PRERENDER_OFF_CLASS)});parsed(load);return}`,
    `function painted(){var done=false;function once(){if(!done){done=true;load()}}`,
    `setTimeout(once,${PAINT_WAIT_MS});`,
    `var P=typeof PerformanceObserver==="function"?PerformanceObserver:null;`,
    `if(P&&(P.supportedEntryTypes||[]).indexOf("paint")>=0)new P(function(l){`,
    `if(l.getEntriesByName("first-contentful-paint").length)setTimeout(once)}).observe({type:"paint",buffered:true});`,
    `else requestAnimationFrame(function(){setTimeout(once)})}`,
    `d.fonts.forEach(function(face){face.load().catch(function(){})});`,
    `parsed(function(){requestAnimationFrame(function(){d.fonts.ready.then(painted)})})`,
    `})()`,
  ].join('\n');
}

const STYLESHEET = /<link rel="stylesheet" href="([^"]+)">/g;
const SCRIPT = /<script defer src="([^"]+)"><\/script>/g;

/** The plugin: runs after the classic-script and prerender plugins have shaped index.html. */
export function firstViewPlugin(state: DeckState): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'deck:first-view',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!config) return html;
        const base = config.base;
        let page = html.replace(
          SCRIPT,
          (_, src: string) =>
            `<script type="deck/after-paint" ${AFTER_PAINT_ATTRIBUTE} src="${src}"></script>`,
        );
        for (const [link, href = ''] of html.matchAll(STYLESHEET)) {
          const css = stylesheetSource(href, base, context);
          // Not a file of this build (none today): it stays as it was, loaded before the first paint.
          if (css === undefined) continue;
          // A `</style` in a CSS string would end the element early; `\/` means `/` in CSS too.
          const critical = (await criticalCss(html, css, href)).replace(/<\/(style)/gi, '<\\/$1');
          page = page.replace(
            link,
            () =>
              `<style>${critical}</style>\n    ` +
              `<link rel="stylesheet" href="${href}" disabled ${AFTER_PAINT_ATTRIBUTE}>`,
          );
        }
        const firstId = page.includes(` ${PRERENDERED_ATTRIBUTE}`)
          ? state.get().deck.slides[0]?.id
          : undefined;
        return { html: page, tags: [{ tag: 'script', children: bootScript(firstId), injectTo: 'head' }] };
      },
    },
  };
}

/** The text of the built stylesheet `href` points at, from the bundle being written. */
function stylesheetSource(
  href: string,
  base: string,
  context: IndexHtmlTransformContext,
): string | undefined {
  const fileName = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\.\//, '');
  const asset = context.bundle?.[fileName];
  if (!asset || asset.type !== 'asset') return undefined;
  return typeof asset.source === 'string' ? asset.source : Buffer.from(asset.source).toString('utf8');
}

/**
 * The rules of `css` that apply to the page as built (the title slide), found by Beasties, with
 * relative url()s rebased from the stylesheet's folder to the page's. Font faces are left out
 * (the title's come inline with the page); so are the rules for states the page is not in yet,
 * except the guard's class, which the boot script may set before the first paint.
 */
async function criticalCss(html: string, css: string, href: string): Promise<string> {
  const body = /<body[\s\S]*<\/body>/.exec(html)?.[0] ?? '<body></body>';
  const page = `<!doctype html><html><head><style>${css}</style></head>${body}</html>`;
  const beasties = new Beasties({
    reduceInlineStyles: true,
    fonts: false,
    keyframes: 'critical',
    compress: true,
    allowRules: [new RegExp(`\\.${PRERENDER_OFF_CLASS}\\b`)],
    logLevel: 'silent',
  });
  const reduced = await beasties.process(page);
  const critical = /<style>([\s\S]*?)<\/style>/.exec(reduced)?.[1] ?? '';
  return rebaseUrls(critical, posix.dirname(href.replace(/^\.\//, '')));
}

/** `css` with each relative url() that pointed into `folder` pointing there from the page. */
export function rebaseUrls(css: string, folder: string): string {
  if (folder === '.' || folder === '') return css;
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, quote: string, url: string) =>
    /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url) ? whole : `url(${quote}./${posix.join(folder, url)}${quote})`,
  );
}
