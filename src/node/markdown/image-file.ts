// Resolves an image a slide links to and checks that it may be bundled: a local file inside the
// project (symbolic links followed), named as a picture and holding one. Vite bundles whatever
// the deck imports, so a `![](evil.js)` or `![](../../etc/passwd)` must stop here. Runs at load time.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileSystemProblem } from './deck-files.js';
import { IMAGE_FORMATS, imageContentProblem } from './image-content.js';
import { MAX_IMAGE_BYTES, formatBytes } from './limits.js';

/** A URL with a scheme (`https:`, `data:`, `file:`…): never a file of the project. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Vite reads `?` and `#` in an import as a query (`?raw`, `?url`) or fragment, not as part of the file name. */
const QUERY = /[?#]/;
/** How much of an href a message quotes. */
const HREF_CHARS = 80;

/** The checked file, or why it cannot be shown (a sentence that starts with the image's href). */
export type ImageFile = { path: string } | { problem: string };

/** Looks up the image `href` written in `markdownFile`; `root` and `realRoot` (its real path) bound where it may be. */
export function findImageFile(href: string, markdownFile: string, root: string, realRoot: string): ImageFile {
  const shown = href.length > HREF_CHARS ? `${href.slice(0, HREF_CHARS)}…` : href;
  const refuse = (why: string): ImageFile => ({ problem: `image ${shown} ${why}` });
  if (URL_SCHEME.test(href))
    return refuse(
      'is a URL: the deck works offline, so save the picture in the project (e.g. assets/) and link the file',
    );
  if (isAbsolute(href)) return refuse('is an absolute path: write it relative to the Markdown file');
  const decoded = decodePath(href);
  if (QUERY.test(decoded)) return refuse('has a ? or # in its path: rename the file without them');
  const path = resolve(dirname(markdownFile), decoded);
  if (!isInside(root, path))
    return refuse('is outside the project folder: copy it into the project (e.g. assets/) and link the copy');
  const format = IMAGE_FORMATS[extname(path).slice(1).toLowerCase()];
  if (!format)
    return refuse(`is not a picture: a slide shows only .${Object.keys(IMAGE_FORMATS).join(', .')} files`);
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return refuse('is a folder or a device, not a picture file');
    // A link inside the project may still lead out of it.
    if (!isInside(realRoot, realpathSync(path)))
      return refuse(
        'is a symbolic link to a file outside the project: copy the file itself into the project',
      );
    if (stat.size > MAX_IMAGE_BYTES)
      return refuse(
        `is ${formatBytes(stat.size)}, over the limit of ${formatBytes(MAX_IMAGE_BYTES)}: make it smaller`,
      );
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { problem: `image not found: ${shown}` } : refuse(fileSystemProblem(error));
  }
  const problem = imageContentProblem(format, bytes);
  return problem ? refuse(problem) : { path };
}

/** Whether `path` is strictly inside the folder `root`. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** `%20` in an image path is a space; a `%` that starts no escape (`50%.png`) is kept, not a crash. */
function decodePath(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
