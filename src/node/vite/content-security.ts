// The Content Security Policy the built deck ships with, as a <meta> tag (it must also work from
// the file system, where no server sends headers). No script runs but the deck's own file and the
// prerender guard, allowed by its hash; nothing is eval'd. Styles may be inline because KaTeX and
// reveal.js position things with style attributes; fonts may be data: URLs because the opening
// slides' glyphs come inside the page.
import type { Plugin } from 'vite';
import type { DeckState } from './deck-state.js';
import { scriptHash } from '../export/one-file-policy.js';
import { prerenderGuard } from './prerender-plugin.js';

/** The policy, given the inline scripts the page carries (their exact text). */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...inlineScripts.map(scriptHash)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Adds the policy to index.html in production builds (the dev server needs inline scripts for HMR). */
export function contentSecurityPolicyPlugin(state: DeckState): Plugin {
  return {
    name: 'deck:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => {
      const first = state.get().deck.slides[0];
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy(first ? [prerenderGuard(first.id)] : []),
          },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
