// Rehearsal mode: the time spent on each slide, as a report to download (JSON, CSV) and to load
// back as the pacing plan. Pure functions; times are seconds of talk time (the talk clock, so a
// pause for questions is not counted).

export interface Recording {
  /** Seconds recorded so far for each slide. */
  seconds: number[];
  /** The slide being recorded now. */
  h: number;
  /** Talk time when slide `h` was entered. */
  since: number;
}

export interface ReportSlide {
  index: number;
  id: string;
  title: string;
  seconds: number;
}

export interface RehearsalReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  deck: string;
  recordedAt: string;
  totalSeconds: number;
  slides: ReportSlide[];
}

export const REPORT_FORMAT = 'deck-rehearsal';
const CSV_COLUMNS = ['index', 'id', 'title', 'seconds'] as const;

/** A new recording of a deck of `count` slides, starting on slide `h` at talk time `at`. */
export function startRecording(count: number, h: number, at: number): Recording {
  return { seconds: Array.from({ length: count }, () => 0), h, since: at };
}

/** The audience moved to slide `h` at talk time `at`: the time since the last move goes to the slide left. */
export function recordMove(recording: Recording, h: number, at: number): Recording {
  if (h === recording.h) return recording;
  return { seconds: recordedSeconds(recording, at), h, since: at };
}

/** Seconds per slide, counting the slide in progress up to `at`. */
export function recordedSeconds(recording: Recording, at: number): number[] {
  const seconds = [...recording.seconds];
  if (recording.h >= 0 && recording.h < seconds.length)
    seconds[recording.h]! += Math.max(0, at - recording.since);
  return seconds;
}

/** Checks a recording read back from storage for a deck of `count` slides. */
export function parseRecording(value: unknown, count: number): Recording | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seconds, h, since } = value as Record<string, unknown>;
  if (
    !Array.isArray(seconds) ||
    seconds.length !== count ||
    !seconds.every((s) => Number.isFinite(s) && s >= 0)
  )
    return null;
  if (!Number.isInteger(h) || !Number.isFinite(since)) return null;
  return { seconds: seconds as number[], h: h as number, since: since as number };
}

/** The report for one rehearsal of the deck titled `deck`. */
export function rehearsalReport(
  deck: string,
  slides: readonly { id: string; title: string }[],
  seconds: readonly number[],
  recordedAt: Date,
): RehearsalReport {
  const rows = slides.map((slide, index) => ({
    index,
    id: slide.id,
    title: slide.title,
    seconds: Math.round(seconds[index] ?? 0),
  }));
  return {
    format: REPORT_FORMAT,
    version: 1,
    deck,
    recordedAt: recordedAt.toISOString(),
    totalSeconds: rows.reduce((t, r) => t + r.seconds, 0),
    slides: rows,
  };
}

/** The report as CSV (RFC 4180, with a byte-order mark so spreadsheet programs read the Chinese titles). */
export function reportToCsv(report: RehearsalReport): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...report.slides.map((row) => CSV_COLUMNS.map((column) => csvField(String(row[column]))).join(',')),
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * Planned seconds per slide from a rehearsal report (JSON or CSV), matched to `slides` by id and
 * else by position; null for a slide the report does not cover. Null when the text is not a report.
 */
export function planSecondsFromReport(
  text: string,
  slides: readonly { id: string }[],
): (number | null)[] | null {
  const rows = parseJsonReport(text) ?? parseCsvReport(text);
  if (!rows || rows.length === 0) return null;
  const byId = new Map(rows.filter((r) => r.id).map((r) => [r.id, r.seconds]));
  const byIndex = new Map(rows.filter((r) => r.index !== null).map((r) => [r.index, r.seconds]));
  const plan = slides.map(
    (slide, i) => byId.get(slide.id) ?? (byId.size === 0 ? (byIndex.get(i) ?? null) : null),
  );
  return plan.some((s) => s !== null && s > 0) ? plan : null;
}

interface PlanRow {
  id: string;
  index: number | null;
  seconds: number;
}

function rowFields(s: Record<string, unknown>): [unknown, unknown, unknown] {
  return [s.id, s.index, s.seconds];
}

function toRow(id: unknown, index: unknown, seconds: unknown): PlanRow | null {
  const s = typeof seconds === 'string' ? Number(seconds) : seconds;
  const i = typeof index === 'string' && index !== '' ? Number(index) : index;
  if (typeof s !== 'number' || !Number.isFinite(s) || s < 0) return null;
  return {
    id: typeof id === 'string' ? id : '',
    index: Number.isInteger(i) ? (i as number) : null,
    seconds: s,
  };
}

function parseJsonReport(text: string): PlanRow[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const slides =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).slides : undefined;
  if (!Array.isArray(slides)) return null;
  const rows = slides.map((s) =>
    typeof s === 'object' && s !== null ? toRow(...rowFields(s as Record<string, unknown>)) : null,
  );
  return rows.every((r) => r !== null) ? rows : null;
}

function parseCsvReport(text: string): PlanRow[] | null {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = records.shift()?.map((h) => h.trim().toLowerCase());
  if (!header) return null;
  const [id, index, seconds] = ['id', 'index', 'seconds'].map((name) => header.indexOf(name));
  if (seconds === undefined || seconds < 0 || (id! < 0 && index! < 0)) return null;
  const rows = records
    .filter((r) => r.some((cell) => cell.trim() !== ''))
    .map((r) => toRow(r[id!] ?? '', r[index!] ?? '', r[seconds] ?? ''));
  return rows.every((r) => r !== null) ? rows : null;
}

/** Splits CSV text into records of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
