// Tracks whether a line of Markdown sits inside a code fence or an HTML comment, so that the
// line-level steps (slide splitting, notes) never act on a `---` or `Note:` that is only quoted.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** A line like ```` ```a``` ```` is inline code, not a fence: a backtick fence's info string has no backtick. */
const INLINE_CODE = /^ {0,3}`{3,}[^`]*`/;
/**
 * An HTML comment block starts a line (as marked reads it: a `<!--` later in a paragraph ends
 * with that paragraph) and runs to the first line with `-->`, which may be its own line.
 */
const COMMENT_OPEN = /^ {0,3}<!--/;
const COMMENT_CLOSE = '-->';

export interface OpenBlock {
  kind: 'fence' | 'comment';
  /** 0-based index of the line that opened it. */
  index: number;
}

export class LineContext {
  private fence: { marker: string; index: number } | null = null;
  private comment: { index: number } | null = null;

  /** `plainLines`: 0-based lines to read as plain text even if they open a fence or comment (openers never closed). */
  constructor(private readonly plainLines: ReadonlySet<number> = new Set()) {}

  /** True when the line just fed is ordinary Markdown (not inside or opening/closing a fence or comment). */
  feed(line: string, index: number): boolean {
    if (this.fence) {
      const close = line.match(FENCE_OPEN);
      if (
        close &&
        close[1]![0] === this.fence.marker[0] &&
        close[1]!.length >= this.fence.marker.length &&
        line.trim() === close[1]
      ) {
        this.fence = null;
      }
      return false;
    }
    if (this.comment) {
      if (line.includes(COMMENT_CLOSE)) this.comment = null;
      return false;
    }
    if (this.plainLines.has(index)) return true;
    const open = line.match(FENCE_OPEN);
    if (open && !INLINE_CODE.test(line)) {
      this.fence = { marker: open[1]!, index };
      return false;
    }
    const comment = COMMENT_OPEN.exec(line);
    // `<!-->` is a whole (empty) comment: look for the close from the opening's dashes on.
    if (comment && !line.includes(COMMENT_CLOSE, comment[0].length - 2)) {
      this.comment = { index };
      return false;
    }
    return true;
  }

  /** The fence or comment still open, if any (call at the end of a slide or file). */
  open(): OpenBlock | null {
    if (this.fence) return { kind: 'fence', index: this.fence.index };
    if (this.comment) return { kind: 'comment', index: this.comment.index };
    return null;
  }
}
