// The Content Security Policy the built deck ships with, as a <meta> tag (it must also work from
// the file system, where no server sends headers). No script runs but the deck's own file and the
// boot script (first-view-plugin.ts), allowed by its hash; nothing is eval'd. Styles may be inline because KaTeX and
// reveal.js position things with style attributes; fonts may be data: URLs because the opening
// slides' glyphs come inside the page.
import type { Plugin } from 'vite';
import { scriptHash } from '../export/one-file-policy.js';

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

/** The text of each inline script in `html` (a built page: `<script>` without src or type). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\s(?:src|type)=/.test(attributes))
    .map(([, , text]) => text!);
}

/**
 * Adds the policy to index.html in production builds (the dev server needs inline scripts for
 * HMR); last, so that it hashes the page's inline scripts as the other plugins left them.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'deck:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({
        html,
        tags: [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              content: contentSecurityPolicy(inlineScripts(html)),
            },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  };
}
