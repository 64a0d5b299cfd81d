// A font file cut to some characters, as woff2, kept in a cache folder by content hash so the dev
// server and repeated builds pay for it once; the KaTeX faces the formulas draw with are cut so.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Changing this invalidates every subset cached here. */
const CACHE_VERSION = '1';

/** `source` (otf, ttf, woff or woff2) cut to `characters`, written to (or found in) `cacheDir` as `<name>-<hash>.woff2`. */
export async function cachedSubset(
  source: string,
  characters: string,
  cacheDir: string,
  name: string,
): Promise<string> {
  const font = readFileSync(source);
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${characters}\0`).update(font);
  const path = join(cacheDir, `${name}-${hash.digest('hex').slice(0, 12)}.woff2`);
  if (!existsSync(path)) {
    const { default: subset } = await import('subset-font');
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a build that dies halfway never leaves a truncated font in the cache.
    writeFileSync(`${path}.tmp`, await subset(font, characters, { targetFormat: 'woff2' }));
    renameSync(`${path}.tmp`, path);
  }
  return path;
}
