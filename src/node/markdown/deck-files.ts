// Reads the slides folder and its text files, turning every way a file can be unreadable (missing,
// a folder, a link loop, no permission, too big, a device, binary, not UTF-8) into a sentence that
// says what to do, instead of a raw Node error. Runs when the deck is loaded.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from './limits.js';

/** The text of a file, or why it cannot be read; `line` is 1-based (1 when the whole file is the problem). */
export type TextRead =
  { text: string } | { problem: string; code: 'file' | 'encoding'; line: number; missing?: boolean };

/** C0 and C1 control characters other than tab, line feed and carriage return: invisible, unprintable. */
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;
/** Line breaks as the slide splitter counts them: CRLF, CR or LF. */
const LINE_BREAK = /\r\n?|\n/;

/** The `.md` files in `dir`, sorted by name, or why the folder cannot be read. Names starting with `.` (editor files) are skipped. */
export function listMarkdownFiles(dir: string): { paths: string[] } | { problem: string } {
  try {
    if (!statSync(dir).isDirectory())
      return { problem: 'the slides folder is a file, not a folder (it must hold the talk’s .md files)' };
    const names = readdirSync(dir).filter((name) => name.endsWith('.md') && !name.startsWith('.'));
    return { paths: names.sort().map((name) => join(dir, name)) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      return {
        problem:
          'the slides folder does not exist: create it with the talk’s .md files and deck.yaml (or point DECK_SLIDES at the folder that has them)',
      };
    return { problem: `the slides folder ${fileSystemProblem(error)}` };
  }
}

/** Reads `path` as UTF-8 text of at most `maxBytes`; `what` names the file in a size message, e.g. `a slide file`. */
export function readTextFile(path: string, maxBytes: number, what: string): TextRead {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const hint = path.endsWith('.md') ? ' (rename it so its name does not end in .md)' : '';
      return { problem: `is a folder, not a file${hint}`, code: 'file', line: 1 };
    }
    // A FIFO or device would block the read forever.
    if (!stat.isFile())
      return { problem: 'is not a regular file (a device or a pipe?)', code: 'file', line: 1 };
    if (stat.size > maxBytes) return tooBig(stat.size, maxBytes, what);
    bytes = readFileSync(path);
  } catch (error) {
    return {
      problem: fileSystemProblem(error),
      code: 'file',
      line: 1,
      missing: errorCode(error) === 'ENOENT',
    };
  }
  if (bytes.length > maxBytes) return tooBig(bytes.length, maxBytes, what);
  return decodeText(bytes);
}

/** `bytes` as UTF-8 text, or the line of the first byte that is not UTF-8 or the first control character. */
export function decodeText(bytes: Uint8Array): TextRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // GBK, Latin-1 or binary: say so once, at the first bad byte, instead of a glyph error per character.
    return { problem: 'not UTF-8 text (save it as UTF-8)', code: 'encoding', line: firstBadByteLine(bytes) };
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (!control) return { text };
  const line = text.slice(0, control.index).split(LINE_BREAK).length;
  const hex = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return control[0] === '\0'
    ? { problem: 'not text: it holds a NUL byte (is it a binary file named .md?)', code: 'encoding', line }
    : { problem: `invisible control character U+${hex}: delete it`, code: 'encoding', line };
}

/** What each failed file-system call means for the author, by Node's error code. */
const FILE_SYSTEM_PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist (or is a symbolic link to a file that does not)',
  EACCES: 'cannot be read: permission denied (give yourself read access, e.g. chmod u+r)',
  EPERM: 'cannot be read: permission denied (give yourself read access, e.g. chmod u+r)',
  EISDIR: 'is a folder, not a file',
  ELOOP: 'is a symbolic link that leads back to itself (replace it with the file it should point to)',
  ENOTDIR: 'is inside something that is not a folder',
  ENAMETOOLONG: 'has a name too long for the file system',
};

/** A sentence for a failed file-system call: what is wrong with the path and what to do. */
export function fileSystemProblem(error: unknown): string {
  const code = errorCode(error);
  return (code && FILE_SYSTEM_PROBLEMS[code]) ?? `cannot be read (${code ?? String(error)})`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function tooBig(size: number, maxBytes: number, what: string): TextRead {
  return {
    problem: `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} ${what} may be (is it the right file?)`,
    code: 'file',
    line: 1,
  };
}

/** 1-based line of the first byte sequence that is not UTF-8: the prefix before it decodes exactly, so its bytes can be counted. */
function firstBadByteLine(bytes: Uint8Array): number {
  // ignoreBOM keeps a leading BOM as a character, so byte offsets stay exact.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let at = 0;
  let line = 1;
  let previous = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd && !(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd))
      return line;
    if (char === '\r' || (char === '\n' && previous !== '\r')) line++;
    at += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    previous = char;
  }
  return line;
}
