// Changes a few objects of a PDF by appending an incremental update (PDF 1.7, 7.5.6): the new
// objects, a cross-reference section for them and a trailer pointing back at the old one. The
// original bytes stay as they are, so the cost does not grow with the document: a 1,000-page
// PDF is not parsed and written out again to change its title. Reads the classic
// cross-reference tables Chromium (Skia) writes; a PDF with cross-reference streams is refused.

const LATIN1 = new TextDecoder('latin1');
const DELIMITER = /[\s()<>[\]{}/%]/;

export class PdfStructureError extends Error {
  override name = 'PdfStructureError';
}

export interface Trailer {
  /** Raw values of the last trailer dictionary, by key without the slash. */
  entries: Map<string, string>;
  /** Where the last cross-reference section starts. */
  startxref: number;
}

/** A PDF ready to be read object by object and updated. */
export class PdfFile {
  readonly trailer: Trailer;
  private readonly offsets = new Map<number, number>();

  constructor(readonly bytes: Uint8Array) {
    this.trailer = readTrailer(bytes);
    // Newest section first; an older one only fills in objects the newer ones do not list.
    for (let at: number | undefined = this.trailer.startxref; at !== undefined;) {
      const section = readXrefSection(bytes, at);
      for (const [num, offset] of section.offsets) if (!this.offsets.has(num)) this.offsets.set(num, offset);
      const prev = section.trailer.get('Prev');
      at = prev === undefined ? undefined : Number(prev);
    }
  }

  /** The number of the object `ref` (`12 0 R`) points at. */
  static refNumber(ref: string | undefined): number {
    const match = /^(\d+)\s+\d+\s+R$/.exec(ref?.trim() ?? '');
    if (!match) throw new PdfStructureError(`expected an object reference, found "${ref}"`);
    return Number(match[1]);
  }

  /** The dictionary of object `num` (its raw entries), which must not be a stream. */
  dictionary(num: number): Map<string, string> {
    const offset = this.offsets.get(num);
    if (offset === undefined)
      throw new PdfStructureError(`object ${num} is not in the cross-reference table`);
    const head = LATIN1.decode(this.bytes.subarray(offset, offset + 64));
    const match = new RegExp(`^${num}\\s+\\d+\\s+obj\\s*`).exec(head);
    if (!match) throw new PdfStructureError(`object ${num} is not at offset ${offset}`);
    const start = offset + match[0].length;
    const end = indexOf(this.bytes, 'endobj', start);
    if (end < 0) throw new PdfStructureError(`object ${num} has no endobj`);
    return parseDictionary(LATIN1.decode(this.bytes.subarray(start, end)).trim());
  }

  /** The PDF with `objects` (new or replacing old ones, by number) appended as an incremental update. */
  update(objects: Map<number, string | Uint8Array>, trailer: Map<string, string>): Uint8Array {
    const encoder = new TextEncoder();
    const chunks: Uint8Array[] = [this.bytes];
    let length = this.bytes.length;
    const push = (chunk: string | Uint8Array) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      chunks.push(bytes);
      length += bytes.length;
    };
    // The original may not end with a newline; an object must start on a line of its own.
    if (this.bytes.at(-1) !== 0x0a) push('\n');
    const written = [...objects.keys()].sort((a, b) => a - b);
    const offsets = new Map<number, number>();
    for (const num of written) {
      offsets.set(num, length);
      push(`${num} 0 obj\n`);
      push(objects.get(num)!);
      push('\nendobj\n');
    }
    const xref = length;
    push('xref\n');
    // One subsection per object: simple, and valid for numbers that are not contiguous.
    for (const num of written) push(`${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n \n`);
    const size = Math.max(Number(this.trailer.entries.get('Size') ?? 0), ...written.map((n) => n + 1));
    const entries = new Map(this.trailer.entries);
    entries.delete('XRefStm');
    for (const [key, value] of trailer) entries.set(key, value);
    entries.set('Size', String(size));
    entries.set('Prev', String(this.trailer.startxref));
    push(`trailer\n${formatDictionary(entries)}\nstartxref\n${xref}\n%%EOF\n`);
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** The lowest object number not yet used. */
  get nextNumber(): number {
    return Number(this.trailer.entries.get('Size') ?? 0);
  }
}

function readTrailer(bytes: Uint8Array): Trailer {
  const tail = LATIN1.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new PdfStructureError('no startxref at the end of the file');
  const startxref = Number(match[1]);
  return { entries: readXrefSection(bytes, startxref).trailer, startxref };
}

/** The `xref` table at `offset` (object number → byte offset, in-use entries only) and the trailer after it. */
function readXrefSection(
  bytes: Uint8Array,
  offset: number,
): { offsets: Map<number, number>; trailer: Map<string, string> } {
  const end = indexOf(bytes, 'trailer', offset);
  const table = end < 0 ? '' : LATIN1.decode(bytes.subarray(offset, end));
  if (!table.startsWith('xref'))
    throw new PdfStructureError('the cross-reference section is not a classic xref table');
  const offsets = new Map<number, number>();
  const lines = table
    .slice(4)
    .trim()
    .split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length;) {
    const [first, count] = lines[i]!.trim().split(/\s+/).map(Number) as [number, number];
    for (let k = 0; k < count; k++) {
      const [position, , kind] = lines[i + 1 + k]!.trim().split(/\s+/);
      if (kind === 'n') offsets.set(first + k, Number(position));
    }
    i += 1 + count;
  }
  const after = LATIN1.decode(bytes.subarray(end + 'trailer'.length, end + 'trailer'.length + 4096));
  const close = after.indexOf('startxref');
  return { offsets, trailer: parseDictionary(after.slice(0, close < 0 ? undefined : close).trim()) };
}

function indexOf(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < text.length && bytes[i + k] === text.charCodeAt(k)) k++;
    if (k === text.length) return i;
  }
  return -1;
}

/** The top-level entries of a dictionary `<< /Key value … >>`, each value as written (nested ones untouched). */
export function parseDictionary(text: string): Map<string, string> {
  if (!text.startsWith('<<') || !text.endsWith('>>'))
    throw new PdfStructureError(`expected a dictionary, found "${text.slice(0, 40)}"`);
  const body = text.slice(2, -2);
  const entries = new Map<string, string>();
  let i = skipSpace(body, 0);
  while (i < body.length) {
    if (body[i] !== '/') throw new PdfStructureError(`expected a name at "${body.slice(i, i + 20)}"`);
    const keyEnd = endOfName(body, i + 1);
    const valueStart = skipSpace(body, keyEnd);
    const valueEnd = endOfValue(body, valueStart);
    entries.set(body.slice(i + 1, keyEnd), body.slice(valueStart, valueEnd).trim());
    i = skipSpace(body, valueEnd);
  }
  return entries;
}

export function formatDictionary(entries: Map<string, string>): string {
  return `<<${[...entries].map(([key, value]) => `/${key} ${value}`).join('\n')}>>`;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function endOfName(text: string, i: number): number {
  while (i < text.length && !DELIMITER.test(text[i]!)) i++;
  return i;
}

/** Where the value starting at `i` ends: a name, string, array, dictionary, reference, number or keyword. */
function endOfValue(text: string, i: number): number {
  const c = text[i];
  if (c === '/') return endOfName(text, i + 1);
  if (c === '(') return endOfLiteralString(text, i);
  if (text.startsWith('<<', i)) return endOfContainer(text, i + 2, '>>');
  if (c === '<') return text.indexOf('>', i) + 1;
  if (c === '[') return endOfContainer(text, i + 1, ']');
  const reference = /^\d+\s+\d+\s+R(?![^\s()<>[\]{}/%])/.exec(text.slice(i, i + 32));
  if (reference) return i + reference[0].length;
  return endOfName(text, i + 1);
}

function endOfContainer(text: string, i: number, close: string): number {
  for (i = skipSpace(text, i); !text.startsWith(close, i); i = skipSpace(text, i)) {
    if (i >= text.length) throw new PdfStructureError(`unclosed ${close === ']' ? 'array' : 'dictionary'}`);
    i = endOfValue(text, i);
  }
  return i + close.length;
}

function endOfLiteralString(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new PdfStructureError('unclosed string');
}

/** A stream object: `dictionary` with the data's /Length, then the data, uncompressed. */
export function streamObject(dictionary: Map<string, string>, data: Uint8Array): Uint8Array {
  const entries = new Map(dictionary).set('Length', String(data.length));
  const head = new TextEncoder().encode(`${formatDictionary(entries)}\nstream\n`);
  const tail = new TextEncoder().encode('\nendstream');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

/** A PDF text string: a literal for printable ASCII, else UTF-16BE with a byte order mark. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
