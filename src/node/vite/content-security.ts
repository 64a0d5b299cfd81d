// The Content Security Policy the built deck ships with, as a <meta> tag (it must also work from
// the file system, where no server sends headers). No inline or eval'd script can run; styles may
// be inline because KaTeX and reveal.js position things with style attributes.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Adds the policy to index.html in production builds (the dev server needs inline scripts for HMR). */
export function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'deck:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
