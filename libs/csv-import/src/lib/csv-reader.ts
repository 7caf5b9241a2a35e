import { parse, type CsvError } from 'csv-parse';
import { Readable } from 'node:stream';

/** One record of a CSV text, or a stretch of it that is not CSV. */
export type CsvItem =
  | {
      type: 'row';
      /** line where the record starts (1 = first line of the file) */
      line: number;
      /** line where it ends (after a quoted field with line breaks, later than `line`) */
      endLine: number;
      fields: string[];
      /** share of the text read so far, 0…1 */
      progress: number;
    }
  | {
      type: 'malformed';
      line: number;
      endLine: number;
      reason: string;
      progress: number;
    };

const CHUNK = 64 * 1024;

function* chunks(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

/** Line breaks inside a record's raw text (not counting the line break that ends it). */
function innerBreaks(raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return n;
}

function malformedReason(e: CsvError, line: number, endLine: number): string {
  const span = endLine > line ? `lines ${line}–${endLine}` : `line ${line}`;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED')
    return `malformed CSV: a quote opened on line ${line} is never closed (${span} could not be read)`;
  return `malformed CSV (${span}): ${e.message}`;
}

/**
 * The records of a CSV text in order, with the line each starts on: comma-separated, fields in
 * double quotes when they hold commas, quotes or line breaks; a UTF-8 BOM, CRLF or CR line ends,
 * blank lines and rows of empty fields are fine. A stray quote inside a field is read literally;
 * a stretch that cannot be read (a quote never closed) comes as one `malformed` item, and
 * reading goes on after it. Fields are as written (not trimmed). Reads the text in chunks (no
 * copy of all its records at once).
 */
export async function* readCsv(text: string): AsyncGenerator<CsvItem> {
  const normalized = text.replace(/\r\n?/g, '\n');
  const total = Math.max(1, normalized.length);
  const skipped: { line: number; endLine: number; reason: string }[] = [];
  const parser = parse({
    bom: true,
    delimiter: ',',
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    on_skip: (e: CsvError | undefined, raw: string | undefined) => {
      if (!e) return;
      const endLine = Number((e as unknown as { lines: number }).lines);
      const line = Math.max(1, endLine - innerBreaks(raw ?? ''));
      skipped.push({
        line,
        endLine,
        reason: malformedReason(e, line, endLine),
      });
    },
  });
  Readable.from(chunks(normalized)).pipe(parser);
  let position = 0;
  const flushBefore = function* (line: number): Generator<CsvItem> {
    while (skipped.length && skipped[0].line < line) {
      const s = skipped.shift() as (typeof skipped)[number];
      yield { type: 'malformed', ...s, progress: position / total };
    }
  };
  for await (const r of parser as AsyncIterable<{
    record: string[];
    raw: string;
    info: { lines: number; bytes: number };
  }>) {
    position = r.info.bytes;
    const endLine = r.info.lines;
    const line = endLine - innerBreaks(r.raw);
    yield* flushBefore(line);
    if (r.record.every((f) => f.trim() === '')) continue;
    yield {
      type: 'row',
      line,
      endLine,
      fields: r.record,
      progress: position / total,
    };
  }
  position = total;
  yield* flushBefore(Number.POSITIVE_INFINITY);
}

/** What an upload's first lines say: the header fields, and whether any row follows. */
export interface CsvHead {
  header: string[] | null;
  /** the header itself is not CSV */
  malformed: string | null;
  hasRows: boolean;
}

/** Reads only the start of the text: the header and whether a row follows it. */
export async function readCsvHead(text: string): Promise<CsvHead> {
  const head: CsvHead = { header: null, malformed: null, hasRows: false };
  for await (const item of readCsv(text.slice(0, 1024 * 1024))) {
    if (head.header === null && head.malformed === null) {
      if (item.type === 'row') head.header = item.fields;
      else head.malformed = item.reason;
      continue;
    }
    head.hasRows = true;
    break;
  }
  return head;
}
