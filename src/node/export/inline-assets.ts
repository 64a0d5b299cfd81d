// The stylesheets and scripts of a built deck rewritten to carry the files they point at as data:
// URLs, and made safe to sit inside the page's own <style> and <script> elements.
import { posix } from 'node:path';
import { Script } from 'node:vm';
import { dataUrl, mediaType } from './data-url.js';

/** The built deck's files by path inside its folder, `/`-separated: `assets/index-x.js`. */
export type BuiltFiles = ReadonlyMap<string, Uint8Array>;

/** One file carried inline, for the size report: where it came from and what it costs in the page. */
export interface InlinedFile {
  path: string;
  /** Its data: URL's length (base64 costs 4/3 of the file). */
  bytes: number;
}

/** Text for a <style> or <script> element, and the files now inside it. */
export interface InlinedText {
  text: string;
  files: InlinedFile[];
}

/** A built page that cannot become one self-contained file as it is; the message says why. */
export class InlineError extends Error {
  override name = 'InlineError';
}

/** An absolute URL (any scheme, or `//host`): nothing the one-file page may load. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The file of the build that `reference`, written in a file of folder `from` ('' for the page),
 * names; undefined when it names none. A leading `/` is the deck's folder, as on a static host.
 */
export function builtFile(reference: string, from: string, files: BuiltFiles): string | undefined {
  if (reference === '' || reference.startsWith('#') || ABSOLUTE.test(reference)) return undefined;
  const path = safeDecode(reference.replace(/[?#].*$/s, ''));
  const resolved = path.startsWith('/') ? path.slice(1) : posix.join(from, path);
  return files.has(resolved) ? resolved : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The data: URL of built file `path`, noted in `files`. */
export function inlineFile(path: string, files: BuiltFiles, found: InlinedFile[]): string {
  const url = dataUrl(path, files.get(path)!);
  found.push({ path, bytes: url.length });
  return url;
}

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^"')\s]*))\s*\)/gi;

/**
 * Stylesheet `css`, read from `path` ('' for a <style> in the page), with each url() that points
 * into the build replaced by a data: URL (relative to the stylesheet, as the browser resolves it).
 * A url() to another origin, to a missing file, or an @import fails: the page would load it.
 */
export function inlineStyleSheet(css: string, path: string, files: BuiltFiles): InlinedText {
  const where = path || 'index.html <style>';
  if (/@import\b/i.test(css)) throw new InlineError(`${where}: @import loads another stylesheet`);
  const found: InlinedFile[] = [];
  const from = posix.dirname(path || '.');
  const text = css.replace(CSS_URL, (whole, double?: string, single?: string, bare?: string) => {
    const reference = (double ?? single ?? bare ?? '').trim();
    if (/^data:/i.test(reference) || reference.startsWith('#')) return whole;
    const file = builtFile(reference, from === '.' ? '' : from, files);
    if (!file) throw new InlineError(`${where}: url(${reference}) is not a file of the built deck`);
    return `url("${inlineFile(file, files, found)}")`;
  });
  // `</style` would end the element early; `\/` is a plain `/` to CSS, in a string or a name.
  return { text: text.replace(/<\/(style)/gi, '<\\/$1'), files: found };
}

/** A string literal that could be a path: `"./x.svg"`, `'assets/y.woff2'`, `` `z.png` ``. */
const PATH_LITERAL = /(["'`])((?:\.{1,2}\/)*[\w@~+-][\w./@~+-]*\.[A-Za-z0-9]+)\1/g;

/**
 * Script `js`, read from `path`, with each string literal naming a file of the build replaced by
 * that file's data: URL. Vite turns an asset import into `new URL('name.svg', <the script's URL>)`,
 * resolved against the script's own folder; a data: URL stays itself whatever the base.
 * Then made safe inside <script>…</script> and checked to still parse.
 */
export function inlineScript(js: string, path: string, files: BuiltFiles): InlinedText {
  const found: InlinedFile[] = [];
  const from = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  const rewritten = js.replace(PATH_LITERAL, (whole, quote: string, reference: string) => {
    const file = builtFile(reference, from, files) ?? builtFile(reference, '', files);
    return file && file !== path && mediaType(file)
      ? `${quote}${inlineFile(file, files, found)}${quote}`
      : whole;
  });
  // `</script` would end the element; `<!--` could start the parser's escaped state, in which a
  // later `</script>` no longer ends it. `\x3C` is `<` in strings, templates and regular
  // expressions; elsewhere it is a syntax error, which the check below reports.
  const text = rewritten.replace(/<(\/script|!--)/gi, '\\x3C$1').replace(/\r\n?/g, '\n');
  try {
    new Script(text, { filename: path });
  } catch (error) {
    throw new InlineError(
      `${path}: no longer parses once made safe for an inline <script>: ${String(error)}`,
    );
  }
  return { text, files: found };
}
