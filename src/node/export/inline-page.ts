// One self-contained HTML page from a built deck: its stylesheets become <style>, its scripts
// inline <script>, and every font, picture and formula face they or the page point at a data:
// URL, so the page works as the only file in a folder, from the file system or an attachment,
// without a single request. It reads whatever the build wrote: the page and the files it links.
import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import { mediaType } from './data-url.js';
import {
  builtFile,
  inlineFile,
  InlineError,
  inlineScript,
  inlineStyleSheet,
  type BuiltFiles,
  type InlinedFile,
} from './inline-assets.js';
import { oneFilePolicy } from './one-file-policy.js';
import { AFTER_PAINT_ATTRIBUTE } from '../../shared/presentation.js';

/** The one-file page, and what takes its space. */
export interface InlinedPage {
  html: string;
  /** Bytes of the page by part: its scripts and styles (without the files inside them), each file inlined, the rest. */
  parts: { kind: 'script' | 'style' | 'font' | 'image' | 'page'; path: string; bytes: number }[];
}

/** Link types that only hint at downloads; a page that carries its files has nothing to fetch. */
const HINTS = new Set(['preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch']);
/**
 * A script that only preloads files (a hint a plugin adds; the build itself has none since the
 * opening glyphs come inline) says so with this attribute, and is left out too.
 */
export const PRELOAD_SCRIPT_ATTRIBUTE = 'data-preload';
/** Link types whose href the browser loads (besides stylesheets); `canonical` and the like it does not. */
const LOADING_LINKS = new Set(['icon', 'apple-touch-icon', 'mask-icon', 'manifest']);
/** Attributes that make the browser load what they point at, by element (`*`: any element). */
const LOADING_ATTRIBUTES: Record<string, string[]> = {
  '*': ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
};

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `html`, the built index.html, with every file it loads from `files` carried inside it. */
export function inlinePage(html: string, files: BuiltFiles): InlinedPage {
  const edits: Edit[] = [];
  // Deferred, async and after-paint scripts, inline: a script without src ignores defer, so they
  // run from the end of <body> instead, where the document they expect is there. (The page has no
  // first view to protect: its stylesheet is inline and render-blocking, as it has no request.)
  const deferred: string[] = [];
  const scripts: string[] = [];
  const parts: InlinedPage['parts'] = [];
  let policy: { start: number; end: number; content: string } | undefined;
  let bodyEnd: number | undefined;
  let element:
    { name: string; attributes: Record<string, string>; start: number; openEnd: number } | undefined;

  const note = (kind: 'script' | 'style', path: string, inlined: { text: string; files: InlinedFile[] }) => {
    const inside = inlined.files.reduce((sum, file) => sum + file.bytes, 0);
    parts.push({ kind, path, bytes: Buffer.byteLength(inlined.text) - inside });
    for (const file of inlined.files) parts.push({ kind: fileKind(file.path), ...file });
  };
  const readText = (path: string) => Buffer.from(files.get(path)!).toString('utf8');

  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        const openEnd = parser.endIndex + 1;
        element = { name, attributes, start, openEnd };
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy')
          policy = { start, end: openEnd, content: attributes.content ?? '' };
        else if (name === 'link') onLink(name, attributes, start, openEnd);
        else if (name !== 'script') rewriteLoads(name, attributes, start, openEnd);
      },
      onclosetag(name, implied) {
        if (name === 'body' && !implied) bodyEnd = parser.startIndex;
        if (!element || element.name !== name) return;
        const { attributes, start, openEnd } = element;
        element = undefined;
        const contentEnd = implied ? openEnd : parser.startIndex;
        const end = implied ? openEnd : parser.endIndex + 1;
        if (name === 'script') onScript(attributes, start, end, html.slice(openEnd, contentEnd));
        else if (name === 'style') {
          const inlined = inlineStyleSheet(html.slice(openEnd, contentEnd), '', files);
          note('style', 'index.html', inlined);
          edits.push({ start: openEnd, end: contentEnd, text: inlined.text });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  function onLink(name: string, attributes: Record<string, string>, start: number, end: number): void {
    const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.some((type) => HINTS.has(type))) edits.push({ start, end, text: '' });
    else if (rel.includes('stylesheet')) {
      const path = loadedFile(name, 'href', attributes.href ?? '');
      const inlined = inlineStyleSheet(readText(path), path, files);
      note('style', path, inlined);
      const media = attributes.media ? ` media="${escapeAttribute(attributes.media)}"` : '';
      edits.push({ start, end, text: `<style${media}>${inlined.text}</style>` });
    } else if (rel.some((type) => LOADING_LINKS.has(type)))
      rewriteLoads(name, attributes, start, end, ['href']);
  }

  function onScript(attributes: Record<string, string>, start: number, end: number, content: string): void {
    if (PRELOAD_SCRIPT_ATTRIBUTE in attributes) {
      edits.push({ start, end, text: '' });
      return;
    }
    if (attributes.type === 'module')
      throw new InlineError(
        'index.html: a module script imports other files; the build ships classic scripts',
      );
    if (attributes.src === undefined) {
      scripts.push(content);
      return;
    }
    const path = loadedFile('script', 'src', attributes.src);
    const inlined = inlineScript(readText(path), path, files);
    note('script', path, inlined);
    scripts.push(inlined.text);
    const element = `<script>${inlined.text}</script>`;
    if ('defer' in attributes || 'async' in attributes || AFTER_PAINT_ATTRIBUTE in attributes) {
      deferred.push(element);
      edits.push({ start, end, text: '' });
    } else edits.push({ start, end, text: element });
  }

  /** Replaces, in the open tag at start…end, each attribute that loads a file of the build with its data: URL. */
  function rewriteLoads(
    name: string,
    attributes: Record<string, string>,
    start: number,
    end: number,
    names = [...LOADING_ATTRIBUTES['*']!, ...(LOADING_ATTRIBUTES[name] ?? [])],
  ): void {
    let tag = html.slice(start, end);
    for (const attribute of names) {
      const value = attributes[attribute];
      if (value === undefined || /^(?:data|blob):/i.test(value) || value.startsWith('#') || value === '')
        continue;
      const found: InlinedFile[] = [];
      const url = inlineFile(loadedFile(name, attribute, value), files, found);
      parts.push(...found.map((file) => ({ kind: fileKind(file.path), ...file })));
      const pattern = new RegExp(
        `(\\s${attribute.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s>]+)`,
        'i',
      );
      tag = tag.replace(pattern, (_, before: string) => `${before}"${url}"`);
    }
    if (tag !== html.slice(start, end)) edits.push({ start, end, text: tag });
  }

  /** The built file a loading attribute points at; anything else would be a request. */
  function loadedFile(name: string, attribute: string, value: string): string {
    const path = builtFile(value, '', files);
    if (!path || !mediaType(path))
      throw new InlineError(`index.html: <${name} ${attribute}="${value}"> is not a file of the built deck`);
    return path;
  }

  parser.write(html);
  parser.end();

  if (!policy)
    throw new InlineError(
      'index.html has no Content-Security-Policy <meta>: the one-file page keeps the build’s policy',
    );
  const kinds = new Set(parts.map((part) => part.kind));
  const content = oneFilePolicy(policy.content, {
    scripts,
    dataDirectives: [...(kinds.has('font') ? ['font-src'] : []), ...(kinds.has('image') ? ['img-src'] : [])],
  });
  edits.push({
    start: policy.start,
    end: policy.end,
    text: `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(content)}">`,
  });
  const at = bodyEnd ?? html.length;
  edits.push({ start: at, end: at, text: deferred.join('\n') });

  const page = applyEdits(html, edits);
  checkNothingLeft(page, files);
  const inlined = parts.reduce((sum, part) => sum + part.bytes, 0);
  parts.push({ kind: 'page', path: 'index.html', bytes: Buffer.byteLength(page) - inlined });
  return { html: page, parts };
}

function fileKind(path: string): 'font' | 'image' | 'style' | 'script' {
  const type = mediaType(path) ?? '';
  if (type.startsWith('font/')) return 'font';
  if (type.startsWith('image/')) return 'image';
  return type === 'text/css' ? 'style' : 'script';
}

function applyEdits(html: string, edits: Edit[]): string {
  // Later edits first, so earlier offsets still hold; at one offset, in the order they were made.
  const ordered = edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => b.start - a.start || b.order - a.order);
  let result = html;
  for (const { start, end, text } of ordered) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/**
 * Fails when the page still names a file of the build it could load (a reference the inliner did
 * not recognise, such as a path put together at run time): opened alone, it would be missing.
 */
function checkNothingLeft(page: string, files: BuiltFiles): void {
  for (const path of files.keys()) {
    const name = posix.basename(path);
    if (mediaType(path) && page.includes(name))
      throw new InlineError(`the page still refers to ${path} ("${name}"), which is not inlined`);
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
