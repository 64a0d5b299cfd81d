// The Content Security Policy of the one-file export, made from the build's own. A page opened
// from a file or an attachment has no 'self' worth trusting, and its script is inline: 'self' goes,
// the script is allowed by its hash, and fonts and images only as the data: URLs it carries.
import { createHash } from 'node:crypto';

/** What the one-file page needs that the build's policy does not give it. */
export interface OneFileNeeds {
  /** The exact text of each inline script. */
  scripts: string[];
  /** Directives that must accept `data:` (font-src for the fonts, img-src for the pictures). */
  dataDirectives: string[];
}

/** `'sha256-…'` of a script's text as the browser hashes it (UTF-8). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * `policy` without 'self', with script-src allowing exactly the inline scripts and the given
 * directives allowing data:. A directive left with no source becomes 'none'; one the page needs
 * and the policy lacks is added, since it would otherwise fall back to default-src.
 */
export function oneFilePolicy(policy: string, needs: OneFileNeeds): string {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const add = (name: string, sources: string[]) =>
    directives.set(name, [...(directives.get(name) ?? []), ...sources]);
  add('script-src', needs.scripts.map(scriptHash));
  for (const name of needs.dataDirectives) add(name, ['data:']);
  return [...directives]
    .map(([name, sources]) => {
      const kept = [...new Set(sources.filter((s) => s !== "'self'" && s !== "'none'"))];
      return `${name} ${kept.length > 0 ? kept.join(' ') : "'none'"}`;
    })
    .join('; ');
}
