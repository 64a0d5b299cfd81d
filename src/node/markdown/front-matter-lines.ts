// The lines of a slide's front matter as a person types them, read before YAML reads them: key
// lines, including the near misses YAML would misread (an indented key, a full-width colon from a
// Chinese input method, no space after the colon), comments, blank lines, the indented lines of a
// multi-line value, and anything else. Used to find front matter and to say what was meant.

/** `key: value`, and its near misses: `  key: value`, `key：value`, `key:value`. */
const KEY_LINE = /^([ \t]*)([A-Za-z_][\w-]*)[ \t]*([:：])(.*)$/;
const BLANK = /^\s*$/;
const COMMENT = /^\s*#/;
/** A value that goes on in the indented lines below it: nothing yet, or a block scalar `|` / `>`. */
const OPENS_BLOCK = /^\s*(?:[|>][+-]?\d*)?\s*(?:#.*)?$/;
const INDENTED = /^[ \t]/;

export interface KeyLine {
  kind: 'key';
  /** Spaces or tabs before the key ('' when written right). */
  indent: string;
  key: string;
  colon: ':' | '：';
  /** Everything after the colon, as written. */
  value: string;
  /** Whether the colon is followed by white space or the end of the line, as YAML needs. */
  spaced: boolean;
}

export type FrontMatterLine = KeyLine | { kind: 'blank' | 'comment' | 'continuation' | 'other' };

/** Reads each line of a (possible) front matter block; runs while splitting and while parsing. */
export function readFrontMatterLines(lines: readonly string[]): FrontMatterLine[] {
  let inValue = false;
  return lines.map((line): FrontMatterLine => {
    if (BLANK.test(line)) return { kind: 'blank' };
    if (inValue && INDENTED.test(line)) return { kind: 'continuation' };
    inValue = false;
    if (COMMENT.test(line)) return { kind: 'comment' };
    const match = KEY_LINE.exec(line);
    if (!match) return { kind: 'other' };
    const value = match[4]!;
    inValue = OPENS_BLOCK.test(value);
    return {
      kind: 'key',
      indent: match[1]!,
      key: match[2]!,
      colon: match[3] as KeyLine['colon'],
      value,
      spaced: value === '' || /^\s/.test(value),
    };
  });
}
